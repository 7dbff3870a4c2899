package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.StallingHttpServer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries that nothing can freeze: a receiver that stalls after its headers costs its own
 * delivery the deadline and delays nobody else's; a delivery that cannot be read fails with the
 * reason and the next one goes out; and no database call waits for ever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + DeliveryIsolationTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms",
        "lodestone.alert.delivery.initial-backoff=1m",
        "lodestone.alert.delivery.timeout=" + DeliveryIsolationTest.DEADLINE_SECONDS + "s",
        "lodestone.alert.limits.min-repeat-interval=1s",
        "spring.jdbc.template.query-timeout=2s",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-max-interval=200"})
@EmbeddedKafka(partitions = 1)
class DeliveryIsolationTest {

    static final String TOKEN = "isolation-test-token";
    static final int DEADLINE_SECONDS = 3;
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_isolation");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final StallingHttpServer staller = StallingHttpServer.start();
    private final RecordingHttpServer receiver = RecordingHttpServer.start();

    @AfterEach
    void stopReceivers() {
        staller.close();
        receiver.close();
    }

    @Test
    void receiverThatStallsAfterItsHeadersDoesNotHoldBackAnotherSubscriptionsWebhook() {
        // Given a subscription whose receiver answers its headers and then stalls, in the middle of a delivery
        String stalling = subscribe("Stalling", "Dy", staller.uri("/hook").toString());
        publish(RiskChanges.rise("Dy", RiskLevel.HIGH, 74, Instant.parse("2025-04-04T09:00:00Z")));
        await().atMost(WAIT).until(() -> staller.stalled() >= 1);

        // When another subscription fires for the same element
        Instant subscribed = Instant.now();
        String healthy = subscribe("Healthy", "Dy", receiver.uri("/hook").toString());

        // Then its webhook arrives within seconds, while the stalled one is still hanging
        receiver.awaitRequests(1, Duration.ofSeconds(DEADLINE_SECONDS + 5));
        assertThat(Duration.between(subscribed, Instant.now())).isLessThan(Duration.ofSeconds(DEADLINE_SECONDS + 5));
        await().atMost(WAIT).until(() -> delivery(healthy).get("status").asString().equals("SENT"));
        assertThat(staller.stalled()).isEqualTo(1);

        // And the stalled delivery costs the deadline: it is recorded as unreachable and retried later
        JsonNode stalled = await().atMost(WAIT).until(() -> delivery(stalling), d -> d.get("attempts").asInt() == 1);
        assertThat(stalled.get("status").asString()).isEqualTo("PENDING");
        JsonNode attempt = api().getJson("/api/v1/deliveries/" + stalled.get("id").asString()).get("attemptLog").get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("UNREACHABLE");
        assertThat(attempt.get("detail").asString()).contains("no complete answer within " + DEADLINE_SECONDS * 1000 + " ms");
        assertThat(attempt.get("durationMs").asLong()).isBetween(DEADLINE_SECONDS * 1000L - 100, DEADLINE_SECONDS * 1000L + 3000);
    }

    @Test
    void aReceiverThatNeverAnswersGathersNoRepeatsAndDeletingItsSubscriptionCancelsWhatIsPending() {
        // Given a subscription repeating every second to a receiver that never completes an answer
        String flood = api().create("/api/v1/subscriptions", """
                {"name": "Flood", "elements": ["Tb"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "repeatInterval": "PT1S", "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(staller.uri("/flood"), AlertServiceIntegrationTest.SECRET)).get("id").asString();

        // When its alert fires and the first notice's delivery stalls until the deadline
        publish(RiskChanges.rise("Tb", RiskLevel.HIGH, 74, Instant.parse("2025-04-04T09:00:00Z")));
        await().atMost(WAIT).until(() -> delivery(flood), d -> d.get("attempts").asInt() == 1);

        // Then no repeat is queued behind it while it is pending, however often the interval passes
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> api().getJson("/api/v1/deliveries?subscriptionId=" + flood).size() == 1);

        // And once the subscription is deleted, its pending delivery is cancelled, saying why
        assertThat(api().delete("/api/v1/subscriptions/" + flood).statusCode()).isEqualTo(204);
        JsonNode cancelled = api().getJson("/api/v1/deliveries/" + delivery(flood).get("id").asString());
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.toString()).contains("subscription deleted");
    }

    @Test
    void deliveryThatCannotBeReadFailsWithTheReasonAndTheNextOneIsSent() {
        // Given a pending delivery whose notification snapshot is not a notification, due first
        String subscriptionId = subscribe("Gallium", "Ga", receiver.uri("/hook").toString());
        UUID broken = insertDeliveryOfUnreadableNotification(subscriptionId);

        // When a normal notification follows it
        publish(RiskChanges.rise("Ga", RiskLevel.SEVERE, 88, Instant.parse("2023-07-03T00:00:00Z")));

        // Then the normal one is delivered and the unreadable one failed, naming why
        receiver.awaitRequests(1, WAIT);
        JsonNode failed = await().atMost(WAIT).until(() -> api().getJson("/api/v1/deliveries/" + broken),
                d -> d.get("status").asString().equals("FAILED"));
        assertThat(failed.get("lastError").asString()).startsWith("cannot be read:");
        assertThat(failed.get("attemptLog").get(0).get("outcome").asString()).isEqualTo("REFUSED");
    }

    @Test
    void aDatabaseCallThatHangsIsCancelledByTheQueryTimeout() {
        Instant started = Instant.now();

        assertThatThrownBy(() -> jdbc.sql("select pg_sleep(30)").query(Object.class).single())
                .isInstanceOf(DataAccessException.class);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    private UUID insertDeliveryOfUnreadableNotification(String subscriptionId) {
        UUID notification = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc.sql("""
                insert into notification (id, subscription_id, kind, status, due_at, created_at, sealed_at, payload)
                values (?, ?, 'FIRING', 'SEALED', ?, ?, ?, cast('{"alerts": "not a list"}' as jsonb))""")
                .params(notification, UUID.fromString(subscriptionId), longAgo, longAgo, longAgo).update();
        jdbc.sql("""
                insert into delivery (id, idempotency_key, notification_id, subscription_id, channel, kind, status,
                                      next_attempt_at, created_at)
                values (?, ?, ?, ?, 'WEBHOOK', 'FIRING', 'PENDING', ?, ?)""")
                .params(delivery, "broken:" + delivery, notification, UUID.fromString(subscriptionId), longAgo, longAgo)
                .update();
        return delivery;
    }

    private String subscribe(String name, String element, String url) {
        return api().create("/api/v1/subscriptions", """
                {"name": "%s", "elements": ["%s"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(name, element, url, AlertServiceIntegrationTest.SECRET)).get("id").asString();
    }

    private JsonNode delivery(String subscriptionId) {
        JsonNode deliveries = api().getJson("/api/v1/deliveries?subscriptionId=" + subscriptionId);
        return deliveries.size() == 1 ? deliveries.get(0) : json.createObjectNode().put("attempts", -1).put("status", "NONE");
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
