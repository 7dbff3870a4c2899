package io.lodestone.alert.dispatch;

import io.lodestone.alert.DueWork;
import io.lodestone.alert.delivery.DeliveryOutbox;
import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertRepository;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.alert.silence.Silences;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closes notifications whose group wait (or digest time) has passed: takes the snapshot of what
 * they say and writes one pending delivery per channel, in one transaction. This is the decision
 * to notify; from here the delivery outbox guarantees it is sent.
 */
@Component
class NotificationSealer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationSealer.class);
    private static final int BATCH = 20;

    private record Open(UUID id, UUID subscriptionId, NotificationKind kind) {
    }

    private final JdbcClient jdbc;
    private final SubscriptionRepository subscriptions;
    private final AlertRepository alerts;
    private final Silences silences;
    private final DeliveryOutbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final BomExposures exposures;
    private final Clock clock;
    private final DueWork due;

    NotificationSealer(JdbcClient jdbc, SubscriptionRepository subscriptions, AlertRepository alerts, Silences silences,
                       DeliveryOutbox outbox, TransactionTemplate transactions, JsonMapper json, BomExposures exposures,
                       Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.silences = silences;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.exposures = exposures;
        this.clock = clock;
        this.due = new DueWork("notification-sealer", this::sealAllDue, clock);
    }

    /** The safety net: notifications opened by another instance, or whose signal was lost. */
    @Scheduled(fixedDelayString = "${lodestone.alert.sweep-interval:1s}")
    void sealDue() {
        due.runNow();
    }

    /** Seals at {@code dueAt}: called once the transaction that opened or joined a notification has committed. */
    void sealAt(Instant dueAt) {
        due.requestAt(dueAt);
    }

    @Override
    public void destroy() {
        due.close();
    }

    private void sealAllDue() {
        try {
            Integer sealed;
            do {
                sealed = transactions.execute(status -> sealBatch());
            } while (sealed != null && sealed == BATCH);
        } catch (RuntimeException e) {
            log.warn("Sealing due notifications failed; will try again: {}", e.toString());
        }
    }

    private int sealBatch() {
        Instant now = clock.instant();
        List<Open> due = jdbc.sql("""
                select id, subscription_id, kind from notification where status = 'OPEN' and due_at <= ?
                order by due_at limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        NotificationKind.valueOf(rs.getString("kind"))))
                .list();
        Silences.Active silenced = due.isEmpty() ? null : silences.activeAt(now);
        due.forEach(open -> seal(open, silenced, now));
        return due.size();
    }

    private void seal(Open open, Silences.Active silenced, Instant now) {
        Subscription subscription = subscriptions.findIncludingDeleted(open.subscriptionId()).orElseThrow();
        Map<UUID, AlertNotice.Change> members = new LinkedHashMap<>();
        jdbc.sql("select alert_id, change from notification_alert where notification_id = ?").param(open.id())
                .query((rs, n) -> members.put(rs.getObject("alert_id", UUID.class),
                        AlertNotice.Change.valueOf(rs.getString("change"))))
                .list();
        List<Alert> joined = alerts.findAll(members.keySet());
        List<AlertNotice> notices = subscription.isDeleted() ? List.of() : NotificationComposer.compose(open.kind(),
                members, joined, alert -> silenced.mutes(alert.subscriptionId(), alert.element()));
        if (notices.isEmpty()) {
            jdbc.sql("update notification set status = 'EMPTY', sealed_at = ? where id = ?")
                    .params(Timestamp.from(now), open.id()).update();
            return;
        }
        Notification notification = new Notification(open.id(), subscription.id(), subscription.spec().name(),
                subscription.spec().trigger().describe(), open.kind(), now,
                exposures.attach(notices, subscription.spec().bom()));
        Instant sourceTime = open.kind() == NotificationKind.REPEAT ? null : joined.stream()
                .filter(alert -> notices.stream().anyMatch(n -> n.alertId().equals(alert.id())))
                .map(Alert::transitionAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        jdbc.sql("update notification set status = 'SEALED', sealed_at = ?, payload = cast(? as jsonb), source_time = ? where id = ?")
                .params(Timestamp.from(now), json.writeValueAsString(notification),
                        sourceTime == null ? null : Timestamp.from(sourceTime), open.id())
                .update();
        for (Channel channel : subscription.spec().channels().configured()) {
            outbox.enqueue(notification, channel, sourceTime);
        }
        alerts.markNotified(notices.stream().map(AlertNotice::alertId).toList(), now);
        log.info("Notification {} ({} of subscription {}) sealed for {}: {}", open.id(), open.kind(), subscription.id(),
                subscription.spec().channels().configured(), notification.elements());
    }
}
