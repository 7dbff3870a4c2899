package io.lodestone.alert.dispatch;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertRepository;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.alert.silence.Silences;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds firing alerts that should be notified without a new risk change: repeats after the
 * repeat interval, and alerts whose silence has ended before they were ever notified.
 */
@Component
class RepeatSweeper {

    private static final Logger log = LoggerFactory.getLogger(RepeatSweeper.class);

    private final AlertRepository alerts;
    private final SubscriptionRepository subscriptions;
    private final Silences silences;
    private final NotificationBatches batches;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RepeatSweeper(AlertRepository alerts, SubscriptionRepository subscriptions, Silences silences,
                  NotificationBatches batches, TransactionTemplate transactions, Clock clock) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.silences = silences;
        this.batches = batches;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.sweep-interval:1s}")
    void sweep() {
        try {
            transactions.executeWithoutResult(status -> queueDue());
        } catch (RuntimeException e) {
            log.warn("Checking for repeats failed; will try again: {}", e.toString());
        }
    }

    private void queueDue() {
        Instant now = clock.instant();
        Map<UUID, Optional<Subscription>> cache = new HashMap<>();
        List<Alert> candidates = alerts.firingAndNotQueued(now);
        Silences.Active active = candidates.isEmpty() ? null : silences.activeAt(now);
        for (Alert alert : candidates) {
            Optional<Subscription> subscription = cache.computeIfAbsent(alert.subscriptionId(), subscriptions::find);
            if (subscription.isEmpty()) {
                continue;
            }
            boolean silenced = active.mutes(alert.subscriptionId(), alert.element());
            RepeatPolicy.due(alert, subscription.get().spec().repeatInterval(), silenced, now).ifPresent(kind ->
                    batches.join(subscription.get(), kind, alert.id(),
                            kind == NotificationKind.REPEAT ? AlertNotice.Change.STILL_FIRING : AlertNotice.Change.FIRED));
        }
    }
}
