package io.lodestone.alert.publish;

import io.lodestone.alert.AlertProperties;
import io.lodestone.events.AlertEvent;
import io.lodestone.events.AlertFired;
import io.lodestone.events.AlertResolved;
import io.lodestone.events.CloudEvents;
import io.lodestone.service.CloudEventMessages;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the outbox's lifecycle events to {@code alerts.v1} in the order they were decided,
 * through the {@code alertEvents} binding (synchronous sends, so a row is marked published only
 * once the broker has it). The outbox row id is the {@code ce_id}: a crash between send and
 * commit republishes with the same id, which consumers can drop as a duplicate.
 */
@Component
class AlertEventRelay {

    static final String BINDING = "alertEvents";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(AlertEventRelay.class);

    private record Pending(long seq, UUID id, String alertId, String payload) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StreamBridge bridge;
    private final TransactionTemplate transactions;
    private final AlertProperties properties;
    private final Clock clock;

    AlertEventRelay(JdbcClient jdbc, JsonMapper json, StreamBridge bridge, TransactionTemplate transactions,
                    AlertProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.bridge = bridge;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.sweep-interval:1s}")
    void relay() {
        try {
            Integer published;
            do {
                published = transactions.execute(status -> relayBatch());
            } while (published != null && published == BATCH);
        } catch (RuntimeException e) {
            log.warn("Publishing to alerts.v1 failed; will retry: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        }
    }

    private int relayBatch() {
        List<Pending> pending = jdbc.sql("""
                select seq, id, alert_id, payload from event_outbox where published_at is null
                order by seq limit ? for update skip locked""")
                .param(BATCH)
                .query((rs, n) -> new Pending(rs.getLong("seq"), rs.getObject("id", UUID.class),
                        rs.getString("alert_id"), rs.getString("payload")))
                .list();
        for (Pending row : pending) {
            AlertEvent event = json.readValue(row.payload(), AlertEvent.class);
            if (!bridge.send(BINDING, message(row, event))) {
                throw new IllegalStateException("alertEvents binding refused event " + row.id());
            }
            jdbc.sql("update event_outbox set published_at = ? where seq = ?")
                    .params(Timestamp.from(clock.instant()), row.seq()).update();
        }
        return pending.size();
    }

    private Message<AlertEvent> message(Pending row, AlertEvent event) {
        Instant time = event instanceof AlertResolved resolved ? resolved.resolvedAt() : ((AlertFired) event).firedAt();
        Message<AlertEvent> message = CloudEventMessages.of(row.alertId(), event, properties.source(), time);
        return MessageBuilder.fromMessage(message)
                .setHeader(CloudEvents.ID, row.id().toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
