package io.lodestone.alert.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.alert.TestDatabase;
import io.lodestone.events.AlertEvent;
import io.lodestone.events.AlertFired;
import io.lodestone.events.AlertResolved;
import io.lodestone.events.Contributor;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts.v1 relay against a real broker and a real PostgreSQL: an event the broker will never
 * take (larger than a record may be) is parked with the reason, and the event after it is
 * published, where retrying it would hold every later event back for good.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.alert.sweep-interval=100ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class AlertEventRelayOnBrokerTest {

    private static final Instant NOW = Instant.parse("2025-04-20T12:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_relay_broker");
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEventLargerThanARecordMayBeIsParkedAndTheNextIsPublished() {
        // Given an alert whose evidence makes it about 2 MB, larger than the producer may send,
        // and an ordinary event after it
        List<Contributor> evidence = IntStream.range(0, 250).mapToObj(i -> new Contributor("e" + i, "t".repeat(4_000),
                "https://news.example/" + i, EventType.EXPORT_RESTRICTION, NOW, 1, "q".repeat(4_000))).toList();
        String largeAlert = UUID.randomUUID().toString();
        UUID tooLarge = insert(largeAlert, new AlertFired(AlertFired.SCHEMA_VERSION, largeAlert, "sub", "Dy",
                RiskLevel.HIGH, 71, RiskLevel.GUARDED, NOW, evidence, false));
        String nextAlert = UUID.randomUUID().toString();
        UUID next = insert(nextAlert, new AlertResolved(AlertResolved.SCHEMA_VERSION, nextAlert, "sub", "Dy", RiskLevel.GUARDED,
                30, NOW.minus(Duration.ofHours(1)), NOW));

        // Then the large one is parked with the broker's reason, and the next is on alerts.v1
        await().atMost(Duration.ofSeconds(60)).until(() -> published(next));
        Map<String, Object> parked = jdbc.sql("select failed_at, failure, published_at from event_outbox where id = ?")
                .param(tooLarge).query().singleRow();
        assertThat(parked.get("failed_at")).isNotNull();
        assertThat(parked.get("published_at")).isNull();
        assertThat((String) parked.get("failure")).contains("RecordTooLarge");
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            assertThat(kafka.readUntil("alerts.v1", records -> records.stream().anyMatch(r -> nextAlert.equals(r.key())),
                    Duration.ofSeconds(30))).noneMatch(r -> r.value().length() > 1_000_000);
        }
    }

    private boolean published(UUID id) {
        return jdbc.sql("select published_at is not null from event_outbox where id = ?").param(id)
                .query(Boolean.class).single();
    }

    private UUID insert(String alertId, AlertEvent event) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into event_outbox (id, alert_id, payload, event_time, created_at)
                values (?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, UUID.fromString(alertId), json.writerFor(AlertEvent.class).writeValueAsString(event),
                        Timestamp.from(NOW), Timestamp.from(NOW)).update();
        return id;
    }
}
