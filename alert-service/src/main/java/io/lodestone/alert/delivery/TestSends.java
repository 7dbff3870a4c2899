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
import io.lodestone.service.api.ClientBuckets;
import io.lodestone.service.api.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
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
    /** Subscriptions whose recent test sends are remembered; the rest share one bucket (see ClientBuckets). */
    private static final int MAX_SUBSCRIPTIONS = 10_000;

    /** Token buckets as the API's rate limit keeps them, refilled by this service's clock. */
    private final ClientBuckets bySubscription;
    private final ClientBuckets overall;

    private final SubscriptionRepository subscriptions;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final Clock clock;

    TestSends(SubscriptionRepository subscriptions, List<Notifier> notifiers, Clock clock) {
        this.subscriptions = subscriptions;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.clock = clock;
        LongSupplier nanoTime = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.bySubscription = new ClientBuckets(1.0 / PER_SUBSCRIPTION_REFILL.toSeconds(), PER_SUBSCRIPTION,
                MAX_SUBSCRIPTIONS, nanoTime);
        this.overall = new ClientBuckets(1.0 / OVERALL_REFILL.toSeconds(), OVERALL, 1, nanoTime);
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
        charge(id);
        Notification sample = sample(subscription, clock.instant());
        return subscription.spec().channels().configured().stream().map(channel -> {
            UUID sendId = UUID.randomUUID();
            SendOutcome outcome = notifiers.get(channel).send(sample, subscription, sendId);
            return new TestSendResult(channel, sendId, DeliveryDispatcher.outcomeName(outcome),
                    DeliveryDispatcher.httpStatus(outcome), outcome.detail());
        }).toList();
    }

    /** The subscription's unit is spent even when the service's bucket then refuses: a retry waits for both. */
    private void charge(UUID subscriptionId) {
        long ownWait = bySubscription.take(subscriptionId.toString(), 1);
        if (ownWait > 0) {
            throw tooMany("This subscription was sent " + PER_SUBSCRIPTION + " test notifications in a row", ownWait);
        }
        long overallWait = overall.take("all", 1);
        if (overallWait > 0) {
            throw tooMany("The service sent " + OVERALL + " test notifications in a row", overallWait);
        }
    }

    private static TooManyRequestsException tooMany(String reason, long waitNanos) {
        Duration wait = Duration.ofNanos(waitNanos);
        return new TooManyRequestsException(reason + "; send another in " + wait.toSeconds() + " s", wait);
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
