package io.lodestone.alert.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST, sign-out and the session. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
