package io.lodestone.alert.delivery;

import io.lodestone.service.api.TooManyRequestsException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's "send a test notification" button on a subscription's page: the same test send as
 * the API, its per-channel results shown on the page it returns to.
 */
@Controller
class TestSendPage {

    private final TestSends testSends;

    TestSendPage(TestSends testSends) {
        this.testSends = testSends;
    }

    @PostMapping("/subscriptions/{id}/test-send")
    String testSend(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("testSendResults", testSends.send(id));
        } catch (TooManyRequestsException e) {
            // shown on the page, as the page shows what it saved
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/subscriptions/" + id;
    }
}
