package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which deliveries an operator may resend or cancel, in real PostgreSQL: resend only what is dead
 * or failed; cancel what is dead, failed, or pending with no instance sending it right now. An
 * action taken is in the delivery's history with the status it was taken from; one refused
 * changes nothing.
 */
class DeliveryActionsTest {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_actions");
    private final DeliveryRepository deliveries = new DeliveryRepository(db.jdbc());

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "DEAD,    false, RESEND, PENDING",
            "FAILED,  false, RESEND, PENDING",
            "SENT,    false, RESEND, ",
            "PENDING, false, RESEND, ",
            "CANCELLED, false, RESEND, ",
            "DEAD,    false, CANCEL, CANCELLED",
            "FAILED,  false, CANCEL, CANCELLED",
            "PENDING, false, CANCEL, CANCELLED",
            "PENDING, true,  CANCEL, ",
            "SENT,    false, CANCEL, ",
            "CANCELLED, false, CANCEL, "})
    void anActionIsTakenOnlyFromTheStatesItIsMeantFor(DeliveryStatus status, boolean beingSent, DeliveryAction action,
                                                     DeliveryStatus expected) {
        // Given a delivery in that state (and, for a pending one, maybe claimed by an instance now)
        UUID id = insertDelivery(status, beingSent ? NOW.plus(Duration.ofMinutes(1)) : null);

        // When an operator acts on it
        boolean done = action == DeliveryAction.RESEND
                ? deliveries.resend(id, NOW, "why")
                : deliveries.cancel(id, NOW, "why");

        // Then it moves to the expected state with the action in its history, or nothing changes
        Delivery after = deliveries.find(id).orElseThrow();
        if (expected == null) {
            assertThat(done).isFalse();
            assertThat(after.status()).isEqualTo(status);
            assertThat(deliveries.actions(id)).isEmpty();
        } else {
            assertThat(done).isTrue();
            assertThat(after.status()).isEqualTo(expected);
            assertThat(deliveries.actions(id)).containsExactly(new DeliveryActionRecord(action, NOW, status, "why"));
        }
    }

    @ParameterizedTest
    @CsvSource({"DEAD", "FAILED"})
    void aResentDeliveryIsDueAtOnceWithItsAttemptsKept(DeliveryStatus status) {
        UUID id = insertDelivery(status, null);

        deliveries.resend(id, NOW, null);

        assertThat(deliveries.claimDue(NOW, 10, NOW.plus(Duration.ofMinutes(2))))
                .singleElement().satisfies(claimed -> {
                    assertThat(claimed.id()).isEqualTo(id);
                    assertThat(claimed.attempts()).as("the next attempt is numbered after the old ones").isEqualTo(8);
                });
    }

    private UUID insertDelivery(DeliveryStatus status, Instant claimedUntil) {
        return db.insertDelivery(status.name(), 8, NOW.minusSeconds(60), claimedUntil);
    }
}
