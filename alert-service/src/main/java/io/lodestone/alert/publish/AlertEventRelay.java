package io.lodestone.alert.publish;

import io.lodestone.alert.AlertProperties;
import io.lodestone.events.AlertEvent;
import io.lodestone.events.AlertFired;
import io.lodestone.events.AlertResolved;
import io.lodestone.events.CloudEvents;
import io.lodestone.service.CloudEventMessages;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
 * once the broker has it). However many replicas run, one relays at a time: each batch first
 * takes a PostgreSQL advisory lock, and a replica that does not get it relays nothing, so
 * batches never interleave. An event that cannot be read is parked (failed, with the reason)
 * and the ones after it go on. The outbox row id is the {@code ce_id}: a crash between send and
 * commit republishes with the same id, which consumers can drop as a duplicate. Published
 * events are deleted after {@code lodestone.alert.retention.events}.
 */
@Component
class AlertEventRelay {

    static final String BINDING = "alertEvents";
    static final int BATCH = 100;
    /** The advisory lock that makes one replica the relayer (any constant shared by all replicas). */
    static final long RELAY_LOCK = 0x4c6f6465_616c7431L;
    private static final int MAX_FAILURE = 500;
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
        // held until this transaction ends; another replica's relay skips the batch instead of interleaving
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK)
                .query(Boolean.class).single())) {
            return 0;
        }
        List<Pending> pending = jdbc.sql("""
                select seq, id, alert_id, payload from event_outbox where published_at is null and failed_at is null
                order by seq limit ? for update""")
                .param(BATCH)
                .query((rs, n) -> new Pending(rs.getLong("seq"), rs.getObject("id", UUID.class),
                        rs.getString("alert_id"), rs.getString("payload")))
                .list();
        for (Pending row : pending) {
            Message<AlertEvent> message;
            try {
                message = message(row, json.readValue(row.payload(), AlertEvent.class));
            } catch (RuntimeException unreadable) {
                park(row, unreadable);
                continue;
            }
            boolean sent;
            try {
                sent = bridge.send(BINDING, message);
            } catch (RuntimeException e) {
                if (!refusedForGood(e)) {
                    throw e;
                }
                // the broker will never take this one (too large, invalid): retrying it would hold
                // back every event after it for good
                park(row, e);
                continue;
            }
            if (!sent) {
                throw new IllegalStateException("alertEvents binding refused event " + row.id());
            }
            jdbc.sql("update event_outbox set published_at = ? where seq = ?")
                    .params(Timestamp.from(clock.instant()), row.seq()).update();
        }
        return pending.size();
    }

    /** Whether the failure is the record's own, one no retry can cure: too large, invalid, unserialisable. */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void park(Pending row, RuntimeException failed) {
        Throwable unreadable = NestedExceptionUtils.getMostSpecificCause(failed);
        String reason = unreadable.getClass().getSimpleName() + ": "
                + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("");
        String failure = reason.length() > MAX_FAILURE ? reason.substring(0, MAX_FAILURE) + "…" : reason;
        jdbc.sql("update event_outbox set failed_at = ?, failure = ? where seq = ?")
                .params(Timestamp.from(clock.instant()), failure, row.seq()).update();
        log.error("alerts.v1 event {} (outbox seq {}) cannot be published and is parked: {}", row.id(), row.seq(), failure);
    }

    /** Deletes up to {@code limit} events published before {@code cutoff}; unpublished and parked ones stay. */
    int prunePublishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from event_outbox where seq in (select seq from event_outbox where published_at < ?
                                                       order by seq limit ? for update skip locked)""")
                .params(Timestamp.from(cutoff), limit).update();
    }

    private Message<AlertEvent> message(Pending row, AlertEvent event) {
        Instant time = event instanceof AlertResolved resolved ? resolved.resolvedAt() : ((AlertFired) event).firedAt();
        Message<AlertEvent> message = CloudEventMessages.of(row.alertId(), event, properties.source(), time);
        return MessageBuilder.fromMessage(message)
                .setHeader(CloudEvents.ID, row.id().toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
