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
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
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

    private final SubscriptionRepository subscriptions;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final Clock clock;

    TestSends(SubscriptionRepository subscriptions, List<Notifier> notifiers, Clock clock) {
        this.subscriptions = subscriptions;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.clock = clock;
    }

    /** Sends the sample over each channel of the subscription now; answers what each receiver did. */
    List<TestSendResult> send(UUID id) {
        Subscription subscription = subscriptions.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id));
        Notification sample = sample(subscription, clock.instant());
        return subscription.spec().channels().configured().stream().map(channel -> {
            UUID sendId = UUID.randomUUID();
            SendOutcome outcome = notifiers.get(channel).send(sample, subscription, sendId);
            return new TestSendResult(channel, sendId, DeliveryDispatcher.outcomeName(outcome),
                    DeliveryDispatcher.httpStatus(outcome), outcome.detail());
        }).toList();
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
