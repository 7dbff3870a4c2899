package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.PathVariants;
import io.lodestone.testsupport.PathVariants.Endpoint;
import io.lodestone.testsupport.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscription, silence, alert and delivery APIs on the real port: no spelling of their paths
 * serves a caller without a token (recipients and masked secrets stay hidden), a subscription
 * with an absurd duration is refused naming the field, and so is what PostgreSQL cannot hold
 * (U+0000 in any text, instants outside the years 0001 to 9999) and a control character where
 * text is shown (a line break in a name).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + ApiGuardIntegrationTest.TOKEN})
@EmbeddedKafka(partitions = 1)
class ApiGuardIntegrationTest {

    static final String TOKEN = "guard-test-token";
    private static final String ID = "7f1d9a52-3c1e-4b8a-9a57-0c2f4e1d2b3a";
    private static final String SUBSCRIPTION = """
            {"name": "Guarded buyers", "elements": ["Dy"], "trigger": {"minLevel": "HIGH"},
             "channels": {"email": {"to": ["hidden-recipient@example.com"]}}}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_guard");
    }

    @LocalServerPort
    int port;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    static Stream<Arguments> protectedPaths() {
        return PathVariants.of(List.of(
                Endpoint.get("/api/v1/subscriptions"),
                Endpoint.post("/api/v1/subscriptions", SUBSCRIPTION),
                Endpoint.get("/api/v1/subscriptions/" + ID),
                Endpoint.put("/api/v1/subscriptions/" + ID, SUBSCRIPTION),
                Endpoint.delete("/api/v1/subscriptions/" + ID),
                Endpoint.get("/api/v1/silences"),
                Endpoint.post("/api/v1/silences", "{\"elements\":[\"Dy\"],\"endsAt\":\"2030-01-01T00:00:00Z\"}"),
                Endpoint.delete("/api/v1/silences/" + ID),
                Endpoint.get("/api/v1/alerts"),
                Endpoint.get("/api/v1/alerts/" + ID),
                Endpoint.get("/api/v1/deliveries"),
                Endpoint.get("/api/v1/deliveries/" + ID)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("protectedPaths")
    void noSpellingOfAProtectedPathServesACallerWithoutAToken(Endpoint endpoint, PathVariants.Variant variant) {
        RawHttp.Response response = PathVariants.assertRefusedWithoutToken(raw, endpoint, variant);

        assertThat(response.body()).doesNotContain("hidden-recipient").doesNotContain("Guarded buyers");
    }

    @Test
    void encodedAndParameterisedPathsDoNotListSubscriptions() {
        RawHttp.Response created = raw.send("POST", "/api/v1/subscriptions", bearer(), SUBSCRIPTION);
        assertThat(created.status()).isEqualTo(201);

        for (String target : List.of("/%61pi/v1/subscriptions", "/api;x=1/v1/subscriptions")) {
            RawHttp.Response response = raw.send("GET", target, Map.of(), null);

            assertThat(response.status()).as(target).isIn(400, 401);
            assertThat(response.body()).doesNotContain("hidden-recipient");
        }
        assertThat(raw.send("GET", "/api/v1/subscriptions", bearer(), null).body()).contains("hidden-recipient");
    }

    @Test
    void absurdRepeatIntervalIsRefusedNamingTheField() {
        RawHttp.Response response = raw.send("POST", "/api/v1/subscriptions", bearer(),
                SUBSCRIPTION.replace("\"trigger\"", "\"repeatInterval\": \"PT10000000000000H\", \"trigger\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"repeatInterval\"").contains("must be between PT1M and PT2160H");
    }

    static Stream<Arguments> unstorableFields() {
        String silence = "{\"elements\":[\"Dy\"],\"endsAt\":\"2030-01-01T00:00:00Z\"";
        return Stream.of(
                Arguments.of("/api/v1/subscriptions", named("Guarded\\u0000buyers"), "name"),
                Arguments.of("/api/v1/silences", silence + ",\"comment\":\"a\\u0000b\"}", "comment"),
                Arguments.of("/api/v1/silences", silence + ",\"createdBy\":\"\\u0000\"}", "createdBy"),
                Arguments.of("/api/v1/silences", "{\"elements\":[\"Dy\"],\"endsAt\":\"+300000-01-01T00:00:00Z\"}", "endsAt"),
                Arguments.of("/api/v1/silences", "{\"elements\":[\"Dy\"],\"endsAt\":\"+1000000000-12-31T23:59:59Z\"}",
                        "endsAt"),
                Arguments.of("/api/v1/silences", silence + ",\"startsAt\":\"-300000-01-01T00:00:00Z\"}", "startsAt"));
    }

    /**
     * PostgreSQL holds neither U+0000 nor instants past the year 294276; a name or label ends up on one
     * line of an email subject, a Slack header, a webhook body and the console, and a comment or reason
     * holds no control character but line breaks and tabs, and neither holds a character that reorders
     * how the rest of the line is displayed: each is refused naming its field.
     */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource({"unstorableFields", "controlCharacters"})
    void whatCannotBeStoredOrShownSafelyIsRefusedNamingTheField(String path, String body, String field) {
        RawHttp.Response response = raw.send("POST", path, bearer(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    static Stream<Arguments> controlCharacters() {
        String silence = "{\"elements\":[\"Dy\"],\"endsAt\":\"2030-01-01T00:00:00Z\"";
        return Stream.of(
                Arguments.of("/api/v1/subscriptions", named("Buyers\\r\\nBcc: victim@example.com"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Buyers\\tfor\\tall"), "name"),
                Arguments.of("/api/v1/subscriptions", named("\\u001b[31mRed buyers"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Buyers\\u0085next"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Buyers\\u2028next"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Invoice \\u202Efdp.exe"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Dy \\u2067buyers\\u2069"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Buyers\\u200B"), "name"),
                Arguments.of("/api/v1/subscriptions", named("\\uFEFFBuyers"), "name"),
                Arguments.of("/api/v1/subscriptions", named("Buyers \\ud800"), "name"),
                Arguments.of("/api/v1/silences", silence + ",\"comment\":\"half a pair \\udc00\"}", "comment"),
                Arguments.of("/api/v1/silences", silence + ",\"createdBy\":\"ops\\nroot\"}", "createdBy"),
                Arguments.of("/api/v1/silences", silence + ",\"comment\":\"ring \\u0007 the bell\"}", "comment"),
                Arguments.of("/api/v1/silences", silence + ",\"comment\":\"back \\u202Eyadnom\"}", "comment"),
                Arguments.of("/api/v1/admin/deliveries/" + ID + "/resend", "{\"reason\":\"fixed \\u001b[2J\"}", "reason"));
    }

    @Test
    void aCommentMaySpanLines() {
        RawHttp.Response response = raw.send("POST", "/api/v1/silences", bearer(),
                "{\"elements\":[\"Dy\"],\"endsAt\":\"2030-01-01T00:00:00Z\",\"comment\":\"Supplier audit.\\r\\n\\tBack Monday.\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("Supplier audit.\\r\\n\\tBack Monday.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"since=%2B300000-01-01T00:00:00Z", "until=-300000-01-01T00:00:00Z",
            "since=%2B1000000000-12-31T23:59:59Z", "element=D%00y"})
    void alertSearchOutsideWhatTheDatabaseHoldsIsA400(String query) {
        RawHttp.Response response = raw.send("GET", "/api/v1/alerts?" + query, bearer(), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    private static String named(String jsonName) {
        return SUBSCRIPTION.replace("Guarded buyers", jsonName);
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + TOKEN);
    }
}
