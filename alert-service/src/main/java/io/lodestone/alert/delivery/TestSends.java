package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.api.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A test send: one sample notification, named as a test, sent at once over each channel of a
 * subscription, so its owner can check a receiver (signature verification, firewall, Slack URL)
 * before a real alert depends on it. It goes through the same notifiers, signing and egress guard
 * as a real delivery, but it is not queued, retried or kept in the delivery history; the answer
 * says what each receiver did. The API and the console's subscription page both send through here.
 */
@Component
class TestSends {

    static final String TEST_PREFIX = "[Test] ";
    /** Test sends of one subscription in a row, and how often one more is allowed. */
    static final int PER_SUBSCRIPTION = 3;
    static final Duration PER_SUBSCRIPTION_REFILL = Duration.ofSeconds(20);
    /** Test sends of the whole service in a row, and how often one more is allowed. */
    static final int OVERALL = 20;
    static final Duration OVERALL_REFILL = Duration.ofSeconds(6);

    private final Map<UUID, Bucket> bySubscription = new HashMap<>();
    private final Bucket overall;

    private final SubscriptionRepository subscriptions;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final Clock clock;

    TestSends(SubscriptionRepository subscriptions, List<Notifier> notifiers, Clock clock) {
        this.subscriptions = subscriptions;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.clock = clock;
        this.overall = new Bucket(OVERALL, clock.instant());
    }

    /**
     * Sends the sample over each channel of the subscription now; answers what each receiver did.
     *
     * @throws TooManyRequestsException past {@link #PER_SUBSCRIPTION} test sends of the subscription
     *                                  in a row (one more each {@link #PER_SUBSCRIPTION_REFILL}), or
     *                                  past {@link #OVERALL} of the whole service (one more each
     *                                  {@link #OVERALL_REFILL}): a test send skips the dispatcher's
     *                                  limits per receiver, and may mail fifty addresses
     */
    List<TestSendResult> send(UUID id) {
        Subscription subscription = subscriptions.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id));
        charge(id, clock.instant());
        Notification sample = sample(subscription, clock.instant());
        return subscription.spec().channels().configured().stream().map(channel -> {
            UUID sendId = UUID.randomUUID();
            SendOutcome outcome = notifiers.get(channel).send(sample, subscription, sendId);
            return new TestSendResult(channel, sendId, DeliveryDispatcher.outcomeName(outcome),
                    DeliveryDispatcher.httpStatus(outcome), outcome.detail());
        }).toList();
    }

    private synchronized void charge(UUID subscriptionId, Instant now) {
        Bucket own = bySubscription.computeIfAbsent(subscriptionId, id -> new Bucket(PER_SUBSCRIPTION, now));
        Duration ownWait = own.waitFor(now, PER_SUBSCRIPTION, PER_SUBSCRIPTION_REFILL);
        if (!ownWait.isZero()) {
            throw new TooManyRequestsException("This subscription was sent " + PER_SUBSCRIPTION
                    + " test notifications in a row; send another in " + ownWait.toSeconds() + " s", ownWait);
        }
        Duration overallWait = overall.waitFor(now, OVERALL, OVERALL_REFILL);
        if (!overallWait.isZero()) {
            throw new TooManyRequestsException("The service sent " + OVERALL + " test notifications in a row; "
                    + "send another in " + overallWait.toSeconds() + " s", overallWait);
        }
        own.take();
        overall.take();
        // a subscription whose bucket has filled again needs no entry: the map holds only recent senders
        bySubscription.values().removeIf(bucket -> bucket.fullAt(now, PER_SUBSCRIPTION, PER_SUBSCRIPTION_REFILL)
                && bucket != own);
    }

    /** Test sends left, refilled one at a time. */
    private static final class Bucket {

        private double tokens;
        private Instant at;

        Bucket(int capacity, Instant now) {
            this.tokens = capacity;
            this.at = now;
        }

        /** Zero when a send may go now, else how long until it may. */
        Duration waitFor(Instant now, int capacity, Duration refill) {
            if (now.isAfter(at)) {
                tokens = Math.min(capacity, tokens + (double) Duration.between(at, now).toMillis() / refill.toMillis());
                at = now;
            }
            return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) * refill.toMillis()));
        }

        void take() {
            tokens -= 1;
        }

        boolean fullAt(Instant now, int capacity, Duration refill) {
            return tokens + (double) Duration.between(at, now).toMillis() / refill.toMillis() >= capacity;
        }
    }

    /** A firing notice for the first element the subscription watches, with made-up figures. */
    private static Notification sample(Subscription subscription, Instant now) {
        String element = subscription.spec().symbols().stream().findFirst().orElse("Dy");
        AlertNotice notice = new AlertNotice(UUID.randomUUID(), element, AlertNotice.Change.FIRED, RiskLevel.HIGH, 70.0,
                RiskLevel.GUARDED, 30.0, now, null, List.of());
        return new Notification(UUID.randomUUID(), subscription.id(), TEST_PREFIX + subscription.spec().name(),
                subscription.spec().trigger().describe() + " (test send: not a real alert)", NotificationKind.FIRING,
                now, List.of(notice));
    }
}
