package io.lodestone.alert.delivery;

import io.lodestone.alert.AfterCommit;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes pending deliveries in the caller's transaction (the one that sealed the notification).
 * The idempotency key — subscription, notification (the alert group), channel and kind — is
 * unique, so deciding the same notification twice still makes one delivery per channel.
 */
@Component
public class DeliveryOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryDispatcher dispatcher;

    DeliveryOutbox(JdbcClient jdbc, Clock clock, DeliveryDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * @param sourceTime when the risk change behind the notification reached Kafka, or null
     * @return whether a new delivery was written (false if it already existed)
     */
    public boolean enqueue(Notification notification, Channel channel, Instant sourceTime) {
        Instant now = clock.instant();
        // due at once: the dispatcher is asked as soon as the sealing transaction has committed
        AfterCommit.run(dispatcher::dispatchSoon);
        return jdbc.sql("""
                insert into delivery (id, idempotency_key, notification_id, subscription_id, channel, kind, status,
                                      next_attempt_at, created_at, source_time)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                on conflict (idempotency_key) do nothing""")
                .params(UUID.randomUUID(), idempotencyKey(notification, channel), notification.id(),
                        notification.subscriptionId(), channel.name(), notification.kind().name(), Timestamp.from(now),
                        Timestamp.from(now), sourceTime == null ? null : Timestamp.from(sourceTime))
                .update() == 1;
    }

    static String idempotencyKey(Notification notification, Channel channel) {
        return notification.subscriptionId() + ":" + notification.id() + ":" + channel + ":" + notification.kind();
    }
}
