package io.lodestone.alert.dispatch;

import io.lodestone.alert.AfterCommit;
import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertChanged;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.alert.subscription.Subscription;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grouping: an alert change joins its subscription's open notification of the same kind, which
 * is created with a due time when there is none. Everything that joins before the due time goes
 * out as one message per channel. Runs inside the transaction of the change.
 */
@Component
class NotificationBatches {

    private static final int JOIN_ATTEMPTS = 3;

    private record Open(UUID id, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationSealer sealer;

    NotificationBatches(JdbcClient jdbc, Clock clock, NotificationSealer sealer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
    }

    @EventListener
    void onAlertChanged(AlertChanged changed) {
        Alert alert = changed.alert();
        Subscription subscription = changed.subscription();
        if (subscription.isDeleted() || alert.silenced()) {
            return;
        }
        switch (changed.transition()) {
            case FIRE -> join(subscription, NotificationKind.FIRING, alert.id(), AlertNotice.Change.FIRED);
            case ESCALATE -> join(subscription, NotificationKind.FIRING, alert.id(), AlertNotice.Change.ESCALATED);
            case RESOLVE -> {
                if (subscription.spec().notifyOnResolve() && alert.lastNotifiedAt() != null) {
                    join(subscription, NotificationKind.RESOLVED, alert.id(), AlertNotice.Change.RESOLVED);
                }
            }
            default -> { }
        }
    }

    /**
     * Adds the alert to the subscription's open notification of this kind. The open row is
     * locked so that the sealer cannot close it in between; if it was sealed meanwhile, a new
     * one is opened.
     */
    void join(Subscription subscription, NotificationKind kind, UUID alertId, AlertNotice.Change change) {
        Instant now = clock.instant();
        for (int i = 0; i < JOIN_ATTEMPTS; i++) {
            jdbc.sql("""
                    insert into notification (id, subscription_id, kind, status, due_at, created_at)
                    values (?, ?, ?, 'OPEN', ?, ?)
                    on conflict (subscription_id, kind) where status = 'OPEN' do nothing""")
                    .params(UUID.randomUUID(), subscription.id(), kind.name(),
                            Timestamp.from(GroupTiming.dueAt(subscription.spec(), now)), Timestamp.from(now))
                    .update();
            Optional<Open> open = jdbc.sql("""
                    select id, due_at from notification where subscription_id = ? and kind = ? and status = 'OPEN'
                    for update""")
                    .params(subscription.id(), kind.name())
                    .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getTimestamp("due_at").toInstant()))
                    .optional();
            if (open.isPresent()) {
                jdbc.sql("""
                        insert into notification_alert (notification_id, alert_id, change) values (?, ?, ?)
                        on conflict (notification_id, alert_id) do nothing""")
                        .params(open.get().id(), alertId, change.name()).update();
                // sealed when due, not at the sweep after it; the sweep remains the safety net
                Instant dueAt = open.get().dueAt();
                AfterCommit.run(() -> sealer.sealAt(dueAt));
                return;
            }
        }
        throw new IllegalStateException("could not open a notification for subscription " + subscription.id());
    }
}
