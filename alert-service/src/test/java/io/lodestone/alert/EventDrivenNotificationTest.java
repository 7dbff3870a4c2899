package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications are started by what makes them due, not found by the periodic sweeps: with the
 * sweep and the outbox poll set to an hour (they run once, at start), an alert still reaches its
 * webhook — at once with no group wait, at its due time with one, and a failed attempt is retried
 * at its backoff. (How fast, end to end, is measured by local-stack's benchmark, not here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + EventDrivenNotificationTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=1h",
        "lodestone.alert.delivery.poll-interval=1h",
        "lodestone.alert.delivery.initial-backoff=1s"})
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class EventDrivenNotificationTest {

    static final String TOKEN = "event-driven-token";
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant AS_OF = Instant.parse("2025-04-04T09:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_event_driven");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingHttpServer receiver = RecordingHttpServer.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAlertWithoutGroupWaitIsSentWithoutWaitingForASweep() {
        // Given a subscription that notifies at once
        subscribe("Now", "Ga", "PT0S", "/now");

        // When gallium rises to HIGH
        publish(RiskChanges.rise("Ga", RiskLevel.HIGH, 70, AS_OF));

        // Then the webhook is called, although no sweep runs for an hour
        assertThat(receiver.awaitRequests(1, WAIT)).extracting(RecordedRequest::path)
                .containsExactly("/now");
    }

    @Test
    void anAlertWithAGroupWaitIsSentWhenItIsDueAndGroupsWhatArrivedMeanwhile() {
        // Given a subscription that groups for two seconds
        subscribe("Grouped", "Ge,Sb", "PT2S", "/grouped");

        // When germanium and antimony rise within the wait
        publish(RiskChanges.rise("Ge", RiskLevel.HIGH, 70, AS_OF));
        publish(RiskChanges.rise("Sb", RiskLevel.HIGH, 71, AS_OF));

        // Then one call names both, made at the due time rather than at the next hourly sweep
        RecordedRequest call = receiver.awaitRequests(1, WAIT).get(0);
        JsonNode body = json.readTree(call.bodyAsString());
        assertThat(body.toString()).contains("\"Ge\"").contains("\"Sb\"");
    }

    @Test
    void aFailedAttemptIsRetriedAtItsBackoffWithoutWaitingForAPoll() {
        // Given a receiver that fails once
        receiver.enqueue(RecordingHttpServer.Response.status(503));
        subscribe("Retried", "In", "PT0S", "/retried");

        // When indium rises to HIGH
        publish(RiskChanges.rise("In", RiskLevel.HIGH, 70, AS_OF));

        // Then the second attempt follows the first, although the outbox is polled hourly
        assertThat(receiver.awaitRequests(2, WAIT)).extracting(RecordedRequest::path)
                .containsExactly("/retried", "/retried");
    }

    private void subscribe(String name, String elements, String groupWait, String path) {
        new ApiClient(port, TOKEN).create("/api/v1/subscriptions", """
                {"name": "%s", "elements": [%s], "trigger": {"minLevel": "HIGH"}, "groupWait": "%s",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(name, quoted(elements), groupWait, receiver.uri(path), AlertServiceIntegrationTest.SECRET));
    }

    private static String quoted(String elements) {
        return String.join(", ", java.util.Arrays.stream(elements.split(",")).map(e -> "\"" + e + "\"").toList());
    }

    private void publish(ElementRiskChanged change) {
        RiskChanges.publish(brokers, change);
    }
}
