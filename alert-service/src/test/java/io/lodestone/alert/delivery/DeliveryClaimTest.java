package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claims under a lease, in real PostgreSQL: a claimed delivery is nobody else's until its lease
 * runs out, then the next claimer gets the same delivery (same id, so the same webhook-id) as its
 * next attempt, the cut-off one recorded as interrupted; a claimer that lost its lease cannot
 * overwrite what the next one recorded.
 */
class DeliveryClaimTest {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    private final TestDatabase db = TestDatabase.migrated("alert_claim");
    private final DeliveryRepository deliveries = new DeliveryRepository(db.jdbc());
    private final UUID delivery = insertPendingDelivery();

    @Test
    void aClaimedDeliveryIsNobodyElsesUntilItsLeaseRunsOut() {
        assertThat(deliveries.claimDue(NOW, 10, NOW.plus(LEASE))).extracting(Delivery::id).containsExactly(delivery);

        assertThat(deliveries.claimDue(NOW.plus(Duration.ofMinutes(1)), 10, NOW.plus(Duration.ofMinutes(3)))).isEmpty();
        assertThat(deliveries.claimDue(NOW.plus(LEASE), 10, NOW.plus(LEASE).plus(LEASE)))
                .as("the instance that claimed it died: the next one sends the same delivery")
                .extracting(Delivery::id).containsExactly(delivery);
    }

    @Test
    void aClaimerThatLostItsLeaseDoesNotOverwriteTheNextClaimersRecord() {
        Delivery first = deliveries.claimDue(NOW, 10, NOW.plus(LEASE)).get(0);
        Delivery second = deliveries.claimDue(NOW.plus(LEASE), 10, NOW.plus(LEASE).plus(LEASE)).get(0);

        boolean next = deliveries.recordAttempt(delivery, attempt(second.attempts() + 1, "DELIVERED"), DeliveryStatus.SENT,
                NOW, null, NOW);
        boolean stale = deliveries.recordAttempt(delivery, attempt(first.attempts() + 1, "UNREACHABLE"),
                DeliveryStatus.PENDING, NOW, "late", null);

        assertThat(next).isTrue();
        assertThat(stale).isFalse();
        assertThat(deliveries.find(delivery).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(deliveries.attempts(delivery)).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryRepository.INTERRUPTED, "DELIVERED");
    }

    @Test
    void aSendCutOffBeforeItsOutcomeIsAnAttemptInTheHistoryAndTheResendIsTheNext() {
        // the claimer sent it (the receiver may have had it) and died before recording anything
        deliveries.claimDue(NOW, 10, NOW.plus(LEASE));

        Delivery again = deliveries.claimDue(NOW.plus(LEASE), 10, NOW.plus(LEASE).plus(LEASE)).get(0);

        assertThat(again.id()).isEqualTo(delivery);
        assertThat(again.attempts()).as("the interrupted send counts").isEqualTo(1);
        assertThat(deliveries.attempts(delivery)).singleElement().satisfies(attempt -> {
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo(DeliveryRepository.INTERRUPTED);
            assertThat(attempt.startedAt()).isEqualTo(NOW);
            assertThat(attempt.detail()).contains("before recording an outcome");
        });
        assertThat(deliveries.recordAttempt(delivery, attempt(again.attempts() + 1, "DELIVERED"), DeliveryStatus.SENT,
                NOW.plus(LEASE), null, NOW.plus(LEASE))).isTrue();
        assertThat(deliveries.attempts(delivery)).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
    }

    @Test
    void aSendCutOffAtItsLastAllowedAttemptLeavesTheDeliveryDead() {
        UUID last = db.insertDelivery("PENDING", 7, NOW, null);
        deliveries.claimDue(NOW, 10, NOW.plus(LEASE), 8);

        deliveries.claimDue(NOW.plus(LEASE), 10, NOW.plus(LEASE).plus(LEASE), 8);

        Delivery dead = deliveries.find(last).orElseThrow();
        assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(8);
        assertThat(deliveries.attempts(last)).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryRepository.INTERRUPTED);
    }

    @Test
    void aDeliveryGivenBackIsDueAgainLaterWithoutAnAttempt() {
        deliveries.claimDue(NOW, 10, NOW.plus(LEASE));

        deliveries.release(delivery, 0, NOW.plus(Duration.ofSeconds(1)));

        assertThat(deliveries.claimDue(NOW, 10, NOW.plus(LEASE))).isEmpty();
        assertThat(deliveries.claimDue(NOW.plus(Duration.ofSeconds(1)), 10, NOW.plus(LEASE)))
                .extracting(Delivery::attempts).containsExactly(0);
    }

    private static DeliveryAttempt attempt(int number, String outcome) {
        return new DeliveryAttempt(number, NOW, 5, outcome, null, null);
    }

    private UUID insertPendingDelivery() {
        return db.insertDelivery("PENDING", 0, NOW, null);
    }
}
