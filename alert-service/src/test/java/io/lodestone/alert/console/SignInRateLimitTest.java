package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each sign-in checks a password hash made to be slow, so the service's settings make it cost 50
 * units of the address's rate-limit budget (a page costs one). With a budget of 100 that does not
 * refill during the test, the second attempt from one address is refused before any password is
 * checked, while the API, whose caller presents a token, is a client of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + SignInRateLimitTest.TOKEN,
        "lodestone.api.rate-limit.burst=100",
        "lodestone.api.rate-limit.per-second=0.1",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + SignInRateLimitTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
class SignInRateLimitTest {

    static final String TOKEN = "sign-in-limit-token";
    static final String PASSWORD = "a long passphrase nobody guesses";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_sign_in_limit");
    }

    @LocalServerPort
    int port;

    @Test
    void guessingPasswordsFromOneAddressIsThrottled() {
        HttpResponse<String> first = new ConsoleClient(port).signIn("buyer", "guess-1");
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));

        HttpResponse<String> second = new ConsoleClient(port).signIn("buyer", PASSWORD);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.body()).contains("Too many requests");
        assertThat(new ConsoleClient(port).get("/api/v1/subscriptions", "Authorization", "Bearer " + TOKEN)
                .statusCode()).isEqualTo(200);
    }
}
