package io.lodestone.alert.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in to the console and what anyone may see without signing in, under
 * {@code lodestone.console}. It has its own prefix, beside {@code lodestone.alert}, because it is
 * about people reading pages, not about alerting.
 *
 * @param publicBoard whether the risk board, the element pages, the board's live updates and the
 *                    static assets may be read without signing in; everything else always needs it
 * @param users       the people who may sign in; none means nobody can (the public board, if on,
 *                    still shows)
 */
@ConfigurationProperties("lodestone.console")
@Validated
public record ConsoleProperties(
        @DefaultValue("false") boolean publicBoard,
        @DefaultValue List<@Valid User> users) {

    public ConsoleProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param name     the sign-in name
     * @param password the password as stored, with its encoding as a prefix: {@code {bcrypt}$2a$10$…}
     *                 (hash with {@code htpasswd -bnBC 10 "" PASSWORD | tr -d ':\n'}); {@code {noop}}
     *                 plain text is for a local run only
     */
    public record User(@NotBlank String name, @NotBlank @Pattern(regexp = "\\{[a-z0-9]+}.+",
            message = "must start with its encoding, e.g. {bcrypt}") String password) {

        @Override
        public String toString() {
            return "User[name=" + name + "]";
        }
    }
}
