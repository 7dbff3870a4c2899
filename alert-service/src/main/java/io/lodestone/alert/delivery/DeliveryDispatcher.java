package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries from the outbox, one per transaction: claim, send through the channel's
 * {@link Notifier}, record the attempt, and let {@link RetryPolicy} say what comes next. A
 * delivery is marked sent in the same transaction that claimed it, so after a crash it is either
 * sent and marked, or still pending (and sent again: at least once, with the same delivery id
 * for receivers to de-duplicate).
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int MAX_PER_RUN = 100;
    private static final int MAX_ERROR = 500;

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final RetryPolicy retryPolicy;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final AlertProperties properties;
    private final Clock clock;

    DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, List<Notifier> notifiers,
                       DeliveryMetrics metrics, TransactionTemplate transactions, JsonMapper json,
                       AlertProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.retryPolicy = new RetryPolicy(properties.delivery(), () -> ThreadLocalRandom.current().nextDouble());
        this.metrics = metrics;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.delivery.poll-interval:1s}")
    void dispatchDue() {
        if (!properties.delivery().enabled()) {
            return;
        }
        try {
            for (int i = 0; i < MAX_PER_RUN; i++) {
                if (!Boolean.TRUE.equals(transactions.execute(status -> dispatchNext()))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Dispatching deliveries failed; will try again: {}", e.toString());
        }
    }

    /** @return whether a delivery was due */
    private boolean dispatchNext() {
        Instant now = clock.instant();
        Delivery delivery = deliveries.claimNextDue(now).orElse(null);
        if (delivery == null) {
            return false;
        }
        Notification notification = json.readValue(deliveries.notificationPayload(delivery.notificationId()),
                Notification.class);
        Subscription subscription = subscriptions.findIncludingDeleted(delivery.subscriptionId()).orElseThrow();
        int attempt = delivery.attempts() + 1;
        SendOutcome outcome = send(delivery, notification, subscription);
        Instant finished = clock.instant();
        deliveries.recordAttempt(delivery.id(), new DeliveryAttempt(attempt, now,
                Duration.between(now, finished).toMillis(), outcomeName(outcome), httpStatus(outcome),
                abbreviate(outcome.detail())));
        RetryPolicy.Verdict verdict = retryPolicy.decide(outcome, attempt);
        deliveries.update(delivery.id(), verdict.status(), attempt, finished.plus(verdict.delay()),
                verdict.status() == DeliveryStatus.SENT ? null : abbreviate(outcome.detail()),
                verdict.status() == DeliveryStatus.SENT ? finished : null);
        metrics.attempted(delivery, outcomeName(outcome), verdict.status(), finished);
        log.info("Delivery {} ({} {} of subscription {}) attempt {}: {} -> {}", delivery.id(), delivery.channel(),
                delivery.kind(), delivery.subscriptionId(), attempt, outcome.detail(), verdict.status());
        return true;
    }

    private SendOutcome send(Delivery delivery, Notification notification, Subscription subscription) {
        Notifier notifier = notifiers.get(delivery.channel());
        if (notifier == null) {
            return new SendOutcome.Refused("no notifier for channel " + delivery.channel());
        }
        try {
            return notifier.send(notification, subscription, delivery.id());
        } catch (RuntimeException e) {
            return new SendOutcome.Unreachable("unexpected " + e.getClass().getSimpleName());
        }
    }

    private static String outcomeName(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Delivered) {
            return "DELIVERED";
        }
        if (outcome instanceof SendOutcome.Rejected) {
            return "REJECTED";
        }
        return outcome instanceof SendOutcome.Unreachable ? "UNREACHABLE" : "REFUSED";
    }

    private static Integer httpStatus(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Rejected rejected ? rejected.status() : null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
    }
}
