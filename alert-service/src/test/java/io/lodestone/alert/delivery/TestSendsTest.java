package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Channels;
import io.lodestone.alert.subscription.EmailChannel;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.alert.subscription.SubscriptionSpec;
import io.lodestone.alert.subscription.Trigger;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.api.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Test sends skip the dispatcher's limits per receiver, and one may mail fifty addresses: a few
 * in a row per subscription, and a bounded number for the whole service, each refilled over time.
 */
class TestSendsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SubscriptionRepository subscriptions = mock(SubscriptionRepository.class);
    private final List<UUID> sent = new ArrayList<>();
    private final TestSends testSends = new TestSends(subscriptions, List.of(new Notifier() {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public SendOutcome send(Notification notification, Subscription subscription, UUID deliveryId) {
            sent.add(subscription.id());
            return new SendOutcome.Delivered("250 OK");
        }
    }), clock);

    @Test
    void aSubscriptionMaySendAFewInARowThenOneMoreEachRefill() {
        UUID id = subscription();
        for (int i = 0; i < TestSends.PER_SUBSCRIPTION; i++) {
            assertThat(testSends.send(id)).singleElement().extracting(TestSendResult::outcome).isEqualTo("DELIVERED");
        }

        assertThatThrownBy(() -> testSends.send(id)).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.getMessage()).contains("This subscription was sent 3 test notifications in a row");
            assertThat(e.retryAfter()).isEqualTo(TestSends.PER_SUBSCRIPTION_REFILL);
        });
        clock.advance(TestSends.PER_SUBSCRIPTION_REFILL);
        assertThat(testSends.send(id)).hasSize(1);
        assertThat(sent).hasSize(TestSends.PER_SUBSCRIPTION + 1);
    }

    @Test
    void theWholeServiceSendsABoundedNumberWhateverTheSubscription() {
        for (int i = 0; i < TestSends.OVERALL; i++) {
            testSends.send(subscription());
        }

        assertThatThrownBy(() -> testSends.send(subscription())).isInstanceOfSatisfying(TooManyRequestsException.class,
                e -> assertThat(e.getMessage()).contains("The service sent 20 test notifications in a row"));
        clock.advance(TestSends.OVERALL_REFILL);
        testSends.send(subscription());
        assertThat(sent).hasSize(TestSends.OVERALL + 1);
    }

    private UUID subscription() {
        UUID id = UUID.randomUUID();
        SubscriptionSpec spec = new SubscriptionSpec("Dysprosium buyers", List.of("Dy"), null,
                new Trigger(RiskLevel.HIGH, null, null), new Channels(new EmailChannel(List.of("buyer@example.com")), null,
                null), Duration.ZERO, Duration.ofHours(4), false, null, null);
        when(subscriptions.find(id)).thenReturn(Optional.of(new Subscription(id, spec, clock.instant(), clock.instant(), null)));
        return id;
    }

    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
