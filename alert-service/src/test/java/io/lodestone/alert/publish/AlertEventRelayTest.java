package io.lodestone.alert.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lodestone.alert.Pruning;
import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import io.lodestone.events.AlertEvent;
import io.lodestone.events.AlertResolved;
import io.lodestone.events.CloudEvents;
import io.lodestone.events.RiskLevel;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import tools.jackson.databind.json.JsonMapper;

/** The alerts.v1 relay against real PostgreSQL, with the broker replaced by a recording bridge. */
class AlertEventRelayTest {

    static final Instant NOW = Instant.parse("2025-04-20T12:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_relay");
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> published = new CopyOnWriteArrayList<>();

    @Test
    void eventThatCannotBeReadIsParkedWithTheReasonAndTheOnesAfterItArePublished() {
        // Given a readable event, an unreadable one and another readable one
        UUID first = insertEvent(resolved());
        UUID unreadable = insertRaw("{\"type\": \"AlertExploded\"}");
        UUID third = insertEvent(resolved());

        // When the relay runs twice
        relay(recordingBridge()).relay();
        relay(recordingBridge()).relay();

        // Then the readable ones went out once, in order, and the unreadable one is marked failed
        assertThat(published).containsExactly(first.toString(), third.toString());
        Map<String, Object> parked = db.jdbc().sql("select failed_at, failure, published_at from event_outbox where id = ?")
                .param(unreadable).query().singleRow();
        assertThat(parked.get("failed_at")).isNotNull();
        assertThat(parked.get("published_at")).isNull();
        assertThat((String) parked.get("failure")).isNotBlank();
    }

    /** (An event the broker refuses for good is parked: {@link AlertEventRelayOnBrokerTest}, on a real broker.) */
    @Test
    void aFailureOfTheBrokerItselfIsRetriedNotParked() {
        UUID event = insertEvent(resolved());
        StreamBridge down = mock(StreamBridge.class);
        when(down.send(eq(AlertEventRelay.BINDING), any())).thenThrow(new MessageHandlingException(
                org.springframework.messaging.support.MessageBuilder.withPayload("x").build(), "send failed",
                new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)")));

        relay(down).relay();
        relay(recordingBridge()).relay();

        assertThat(published).containsExactly(event.toString());
    }

    @Test
    void twoRelayersNeverInterleaveTheirBatches() throws Exception {
        // Given more events than one batch
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < AlertEventRelay.BATCH + 50; i++) {
            decided.add(insertEvent(resolved()).toString());
        }
        // and a first relayer that stalls on its first send until a second relayer has had its turn
        CountDownLatch firstIsSending = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        StreamBridge stalling = mock(StreamBridge.class);
        when(stalling.send(eq(AlertEventRelay.BINDING), any())).thenAnswer(invocation -> {
            firstIsSending.countDown();
            secondIsDone.await(10, TimeUnit.SECONDS);
            published.add(ceId(invocation.getArgument(1)));
            return true;
        });

        // When both relay at the same time
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> relay(stalling).relay());
        assertThat(firstIsSending.await(10, TimeUnit.SECONDS)).isTrue();
        relay(recordingBridge()).relay();
        secondIsDone.countDown();
        first.get(30, TimeUnit.SECONDS);
        relay(recordingBridge()).relay();

        // Then every event went out once, in decision order
        assertThat(published).containsExactlyElementsOf(decided);
    }

    @Test
    void publishedEventsOlderThanTheRetentionArePrunedAndNothingElse() {
        // Given events published 10 days and 1 day ago, an old unpublished one and an old parked one
        UUID old = insertEvent(resolved());
        UUID recent = insertEvent(resolved());
        UUID waiting = insertEvent(resolved());
        UUID parked = insertRaw("{}");
        markPublished(old, NOW.minus(Duration.ofDays(10)));
        markPublished(recent, NOW.minus(Duration.ofDays(1)));
        db.jdbc().sql("update event_outbox set failed_at = ? where id = ?")
                .params(Timestamp.from(NOW.minus(Duration.ofDays(30))), parked).update();

        // When pruning with a retention of 7 days
        Pruning.prune(new PublishedEventRetention().publishedEvents(relay(recordingBridge()),
                TestProperties.alert(Map.of("lodestone.alert.retention.events", "7d"))), Clock.fixed(NOW, ZoneOffset.UTC));

        // Then only the event published 10 days ago is gone
        assertThat(db.jdbc().sql("select id from event_outbox").query(UUID.class).list())
                .containsExactlyInAnyOrder(recent, waiting, parked);
    }

    private AlertEventRelay relay(StreamBridge bridge) {
        return new AlertEventRelay(db.jdbc(), json, bridge, db.transactions(),
                TestProperties.alert(Map.of("lodestone.alert.retention.events", "7d")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StreamBridge recordingBridge() {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(eq(AlertEventRelay.BINDING), any())).thenAnswer(invocation -> {
            published.add(ceId(invocation.getArgument(1)));
            return true;
        });
        return bridge;
    }

    private static String ceId(Message<?> message) {
        return new String((byte[]) message.getHeaders().get(CloudEvents.ID), StandardCharsets.UTF_8);
    }

    private AlertResolved resolved() {
        return new AlertResolved(AlertResolved.SCHEMA_VERSION, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "Dy", RiskLevel.GUARDED, 30, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
    }

    private UUID insertEvent(AlertResolved event) {
        return insertRaw(json.writerFor(AlertEvent.class).writeValueAsString(event));
    }

    private UUID insertRaw(String payload) {
        UUID id = UUID.randomUUID();
        db.jdbc().sql("""
                insert into event_outbox (id, alert_id, payload, event_time, created_at)
                values (?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, UUID.randomUUID(), payload, Timestamp.from(NOW), Timestamp.from(NOW)).update();
        return id;
    }

    private void markPublished(UUID id, Instant at) {
        db.jdbc().sql("update event_outbox set published_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }
}
