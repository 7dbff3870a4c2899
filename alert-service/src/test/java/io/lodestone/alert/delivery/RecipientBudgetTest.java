package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-recipient email budget's arithmetic, on a real PostgreSQL database. */
class RecipientBudgetTest {

    private static final Instant NOW = Instant.parse("2025-04-04T12:00:00Z");

    private final TestDatabase database = TestDatabase.migrated("alert_budget");
    private final RecipientBudget budget = new RecipientBudget(database.jdbc(), TestProperties.alert(
            Map.of("lodestone.alert.limits.max-emails-per-recipient-per-hour", "3")));

    @Test
    void anAddressWithRoomIsNotHeld() {
        budget.sent(List.of("buyer@example.com"), NOW.minusSeconds(600));
        budget.sent(List.of("buyer@example.com"), NOW.minusSeconds(300));

        assertThat(budget.heldUntil(List.of("buyer@example.com"), NOW)).isNull();
        assertThat(budget.heldUntil(List.of(), NOW)).isNull();
    }

    @Test
    void aFullAddressIsHeldUntilItsOldestEmailOfTheHourIsAnHourOld() {
        // Given four emails in the hour to one address (the oldest outside the last three), and one long ago
        budget.sent(List.of("victim@example.com"), NOW.minusSeconds(7200));
        budget.sent(List.of("victim@example.com"), NOW.minusSeconds(3000));
        budget.sent(List.of("victim@example.com"), NOW.minusSeconds(1800));
        budget.sent(List.of("victim@example.com"), NOW.minusSeconds(1200));
        budget.sent(List.of("victim@example.com"), NOW.minusSeconds(60));

        // Then it has room again an hour after the third most recent
        assertThat(budget.heldUntil(List.of("victim@example.com"), NOW)).isEqualTo(NOW.minusSeconds(1800).plusSeconds(3600));
    }

    @Test
    void anEmailToSeveralAddressesWaitsForTheLastOfThemToHaveRoomAndCaseDoesNotMatter() {
        // Given two full addresses, freed at different times, and one with room
        budget.sent(List.of("a@example.com"), NOW.minusSeconds(3000));
        budget.sent(List.of("b@example.com"), NOW.minusSeconds(2500));
        budget.sent(List.of("a@example.com"), NOW.minusSeconds(2000));
        budget.sent(List.of("b@example.com"), NOW.minusSeconds(1000));
        budget.sent(List.of("a@example.com", "B@Example.com"), NOW.minusSeconds(500));
        budget.sent(List.of("c@example.com"), NOW.minusSeconds(100));

        // Then an email to all three waits for the later of the two
        assertThat(budget.heldUntil(List.of("c@example.com", "A@example.com", " b@example.com"), NOW))
                .isEqualTo(NOW.minusSeconds(2500).plusSeconds(3600));
        assertThat(budget.heldUntil(List.of("a@example.com", "c@example.com"), NOW))
                .isEqualTo(NOW.minusSeconds(3000).plusSeconds(3600));
        assertThat(budget.heldUntil(List.of("c@example.com"), NOW)).isNull();
    }
}
