package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client cannot create subscriptions, silences or bills of materials without end: past
 * {@code lodestone.alert.limits.*} a create is a 409 problem naming the limit and the property that
 * raises it, and deleting one (ending a silence) makes room again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + LimitsIntegrationTest.TOKEN,
        "lodestone.alert.limits.max-subscriptions=2",
        "lodestone.alert.limits.max-active-silences=2",
        "lodestone.alert.limits.max-boms=2"})
@EmbeddedKafka(partitions = 1)
class LimitsIntegrationTest {

    static final String TOKEN = "limits-test-token";
    private static final String SUBSCRIPTION = """
            {"name": "Buyers %d", "elements": ["Dy"], "trigger": {"minLevel": "HIGH"},
             "channels": {"email": {"to": ["buyers@example.com"]}}}""";
    private static final String SILENCE = "{\"elements\":[\"Dy\"],\"endsAt\":\"2030-01-01T00:00:00Z\"}";
    private static final String BOM = "{\"name\": \"Drive %d\", \"parts\": [{\"partNumber\": \"SV-1\", "
            + "\"annualVolume\": 1000, \"magnetType\": \"NdFeB\", \"magnetGrade\": \"N42SH\", \"magnetMassG\": 100}]}";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_limits");
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @Test
    void theThirdSubscriptionIsRefusedUntilOneIsDeleted() {
        String first = id(create("/api/v1/subscriptions", SUBSCRIPTION.formatted(1)));
        create("/api/v1/subscriptions", SUBSCRIPTION.formatted(2));

        assertRefused(post("/api/v1/subscriptions", SUBSCRIPTION.formatted(3)), "subscriptions",
                "lodestone.alert.limits.max-subscriptions");
        assertThat(raw.send("GET", "/api/v1/subscriptions", bearer(), null).body()).doesNotContain("Buyers 3");

        assertThat(raw.send("DELETE", "/api/v1/subscriptions/" + first, bearer(), null).status()).isEqualTo(204);
        create("/api/v1/subscriptions", SUBSCRIPTION.formatted(3));
    }

    @Test
    void theThirdActiveSilenceIsRefusedUntilOneEnds() {
        String first = id(create("/api/v1/silences", SILENCE));
        create("/api/v1/silences", SILENCE);

        assertRefused(post("/api/v1/silences", SILENCE), "active silences", "lodestone.alert.limits.max-active-silences");

        assertThat(raw.send("DELETE", "/api/v1/silences/" + first, bearer(), null).status()).isEqualTo(204);
        create("/api/v1/silences", SILENCE);
    }

    @Test
    void theThirdBillOfMaterialsIsRefusedUntilOneIsDeleted() {
        String first = id(create("/api/v1/boms", BOM.formatted(1)));
        create("/api/v1/boms", BOM.formatted(2));

        assertRefused(post("/api/v1/boms", BOM.formatted(3)), "bills of materials", "lodestone.alert.limits.max-boms");

        assertThat(raw.send("DELETE", "/api/v1/boms/" + first, bearer(), null).status()).isEqualTo(204);
        create("/api/v1/boms", BOM.formatted(3));
    }

    private void assertRefused(RawHttp.Response response, String things, String property) {
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Limit reached\"", "\"limit\":2", "\"property\":\"" + property + "\"",
                "At most 2 " + things + " may exist at once", "raise " + property);
    }

    private RawHttp.Response create(String path, String body) {
        RawHttp.Response response = post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private RawHttp.Response post(String path, String body) {
        return raw.send("POST", path, bearer(), body);
    }

    private String id(RawHttp.Response response) {
        return json.readTree(response.body()).get("id").asString();
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + TOKEN);
    }
}
