package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Past a cap on subscriptions, silences or bills of materials, the console's forms say so on the
 * page they were sent from, with the limit and the property that raises it, instead of answering a
 * person's browser with the API's JSON problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=console-limits-token",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + ConsoleLimitsTest.PASSWORD,
        "lodestone.alert.limits.max-subscriptions=1",
        "lodestone.alert.limits.max-active-silences=1",
        "lodestone.alert.limits.max-boms=1"})
@EmbeddedKafka(partitions = 1)
class ConsoleLimitsTest {

    static final String PASSWORD = "one of each";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_console_limits");
    }

    @LocalServerPort
    int port;

    @Test
    void aFormPastItsLimitShowsTheLimitOnItsPage() {
        ConsoleClient browser = new ConsoleClient(port);
        assertThat(browser.signIn("buyer", PASSWORD).statusCode()).isEqualTo(302);
        Map<String, String> subscription = Map.of("elements", "Dy", "triggerKind", "minLevel", "minLevel", "HIGH",
                "emailTo", "buyer@example.com");
        Map<String, String> silence = Map.of("elements", "Dy", "endsAt", "2030-01-01T00:00", "comment", "audit");
        String bom = BomPagesTest.HEADER + "TM-1,Rotor,1000,NdFeB,N42SH,1200,\n";

        assertThat(browser.submit("/subscriptions/new", "/subscriptions", with(subscription, "name", "First"))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> secondSubscription = browser.submit("/subscriptions/new", "/subscriptions",
                with(subscription, "name", "Second"));
        assertThat(ConsolePagesTest.fieldError(secondSubscription.body(), "form"))
                .isEqualTo("At most 1 subscriptions may exist at once; delete one first, or raise"
                        + " lodestone.alert.limits.max-subscriptions.");

        assertThat(browser.submit("/silences", "/silences", silence).statusCode()).isEqualTo(302);
        HttpResponse<String> secondSilence = browser.submit("/silences", "/silences", silence);
        assertThat(ConsolePagesTest.fieldError(secondSilence.body(), "form"))
                .contains("lodestone.alert.limits.max-active-silences");

        assertThat(browser.submit("/boms", "/boms", Map.of("name", "Motor one", "format", "CSV", "content", bom))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> secondBom = browser.submit("/boms", "/boms",
                Map.of("name", "Motor two", "format", "CSV", "content", bom));
        assertThat(secondBom.statusCode()).isEqualTo(409);
        assertThat(ConsolePagesTest.fieldError(secondBom.body(), "limit")).contains("lodestone.alert.limits.max-boms");
        assertThat(browser.get("/boms").body()).contains("Motor one").doesNotContain("Motor two");
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(key, value);
        return all;
    }
}
