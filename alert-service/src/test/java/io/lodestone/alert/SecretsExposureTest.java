package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a secret could leak, it does not: API responses, problem details, logs, metrics and the
 * database hold neither the webhook signing secret nor the Slack URL's token. Moving a webhook
 * needs its secret again, and key rotation is one call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + SecretsExposureTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms",
        "lodestone.alert.delivery.max-attempts=1",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-max-interval=200"})
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class SecretsExposureTest {

    static final String TOKEN = "secrets-test-token";
    static final String SLACK_PATH = "/services/T0SECRET/B0SECRET/slackTokenXyZ0123456789";
    static final String SECRET = AlertServiceIntegrationTest.SECRET;
    static final String OTHER_SECRET = "whsec_T2hP8hN3dRkq0XjvQb4m1zYcA9sWfLuE";
    /** Parts of the secrets that must never be seen anywhere. */
    static final String[] SECRET_PARTS = {"slackTokenXyZ", "T0SECRET", "B0SECRET", "MfKQ9r8GKYqr", "T2hP8hN3dRkq"};
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_secrets_it");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingHttpServer slack = RecordingHttpServer.start().respondByDefault(Response.status(500));
    private final RecordingHttpServer webhook = RecordingHttpServer.start();

    @AfterEach
    void stopReceivers() {
        slack.close();
        webhook.close();
    }

    @Test
    void noSecretInResponsesProblemDetailsLogsMetricsOrTheDatabase(CapturedOutput output) throws Exception {
        // Given a subscription with a Slack URL whose receiver fails, and a signed webhook
        StringBuilder seen = new StringBuilder();
        String id = api().create("/api/v1/subscriptions", subscription("Tb", SECRET)).get("id").asString();
        seen.append(api().get("/api/v1/subscriptions").body());

        // and a request whose invalid fields carry secrets
        HttpResponse<String> invalid = api().post("/api/v1/subscriptions", """
                {"name": "x", "elements": ["Tb"], "trigger": {"minLevel": "HIGH"},
                 "channels": {"slack": {"webhookUrl": "http://10.0.0.7%s"},
                              "webhook": {"url": "ftp://127.0.0.1%s", "secret": "whsec_T2hP8hN3dRkq"}}}"""
                .formatted(SLACK_PATH, SLACK_PATH));
        assertThat(invalid.statusCode()).isEqualTo(400);
        seen.append(invalid.body());

        // When an alert is delivered to both, and the Slack delivery fails
        publish(RiskChanges.rise("Tb", RiskLevel.HIGH, 70, Instant.parse("2025-04-04T09:00:00Z")));
        webhook.awaitRequests(1, WAIT);
        AlertServiceIntegrationTest.assertSignedByStandardWebhooks(webhook.requests().get(0), SECRET);
        await().atMost(WAIT).until(() -> api().getJson("/api/v1/deliveries?status=failed&subscriptionId=" + id).size()
                + api().getJson("/api/v1/deliveries?status=dead&subscriptionId=" + id).size() == 1);
        for (var delivery : api().getJson("/api/v1/deliveries?subscriptionId=" + id)) {
            seen.append(api().get("/api/v1/deliveries/" + delivery.get("id").asString()).body());
        }
        seen.append(get("/actuator/prometheus"));
        seen.append(jdbc.sql("select spec::text from subscription").query(String.class).list());

        // Then nothing a person or a log collector can see holds a secret
        assertThat(seen.toString()).contains("whsec_…").doesNotContain(SECRET_PARTS);
        assertThat(output.getAll()).doesNotContain(SECRET_PARTS);
        assertThat(slack.requests()).hasSize(1);
        assertThat(slack.requests().get(0).path()).isEqualTo(SLACK_PATH);
    }

    @Test
    void movingTheWebhookWithoutItsSecretIsRefusedNamingTheSecret() {
        String id = api().create("/api/v1/subscriptions", subscription("Ho", SECRET)).get("id").asString();
        String moved = subscription("Ho", null).replace(webhook.uri("/hook").toString(), "http://127.0.0.2:9/elsewhere");

        HttpResponse<String> refused = api().put("/api/v1/subscriptions/" + id, moved);
        HttpResponse<String> sameUrl = api().put("/api/v1/subscriptions/" + id, subscription("Ho", null));
        HttpResponse<String> movedWithSecret = api().put("/api/v1/subscriptions/" + id,
                subscription("Ho", OTHER_SECRET).replace(webhook.uri("/hook").toString(), "http://127.0.0.2:9/elsewhere"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("channels.webhook.secret").doesNotContain(SECRET_PARTS);
        assertThat(sameUrl.statusCode()).isEqualTo(200);
        assertThat(movedWithSecret.statusCode()).isEqualTo(200);
        assertThat(movedWithSecret.body()).doesNotContain(SECRET_PARTS);
    }

    @Test
    void rotationReportsTheActiveKeyAndWhatItReencrypted() {
        api().create("/api/v1/subscriptions", subscription("Er", SECRET));

        HttpResponse<String> rotated = api().post("/api/v1/admin/secret-keys/rotate", "");

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json.readTree(rotated.body()).get("activeKeyId").asString()).isEqualTo("test");
        assertThat(json.readTree(rotated.body()).get("undecryptable").asInt()).isZero();
    }

    private String subscription(String element, String secret) {
        return """
                {"name": "Secrets", "elements": ["%s"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"slack": {"webhookUrl": "%s"}, "webhook": {"url": "%s"%s}}}"""
                .formatted(element, slack.uri(SLACK_PATH), webhook.uri("/hook"),
                        secret == null ? "" : ", \"secret\": \"" + secret + "\"");
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void publish(ElementRiskChanged change) {
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, AlertServiceIntegrationTest.SCORING));
        }
    }

    private ApiClient api() {
        return new ApiClient(port, TOKEN);
    }
}
