package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * checked, while the API, whose caller presents a token, is a client of its own. A valid new
 * subscription costs 100 units (it may mail all its addresses at once, and deleting it takes nothing
 * back, so creating and deleting in a loop is throttled though the cap on live ones is never met).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + SignInRateLimitTest.TOKEN + "," + SignInRateLimitTest.CHURNING_TOKEN,
        "lodestone.api.rate-limit.burst=100",
        "lodestone.api.rate-limit.per-second=0.1",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + SignInRateLimitTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
class SignInRateLimitTest {

    static final String TOKEN = "sign-in-limit-token";
    static final String PASSWORD = "a long passphrase nobody guesses";
    static final String CHURNING_TOKEN = "subscription-churn-token";

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

    @Test
    void eachNewSubscriptionCostsAHundredUnitsThoughInvalidOnesCostOne() throws Exception {
        // Given a client whose invalid attempts cost it one unit each
        for (int i = 0; i < 3; i++) {
            assertThat(churn("POST", "/api/v1/subscriptions", "{\"name\": \"\"}").statusCode()).isEqualTo(400);
        }
        // When it creates a subscription with the 97 units left, then another
        HttpResponse<String> first = churn("POST", "/api/v1/subscriptions", SUBSCRIPTION);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(429);
        HttpResponse<String> listed = churn("GET", "/api/v1/subscriptions", null);

        // Then the creation is refused for its rate, naming its cost, and nothing was stored
        assertThat(first.headers().firstValue("Retry-After")).isPresent();
        assertThat(first.body()).contains("costs 100 units (a new subscription)");
        assertThat(listed.body()).doesNotContain("Churn");
    }

    private static final String SUBSCRIPTION = """
            {"name": "Churn", "elements": ["Dy"], "trigger": {"minLevel": "LOW"},
             "channels": {"email": {"to": ["buyers@example.com"]}}}""";

    private HttpResponse<String> churn(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + CHURNING_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
