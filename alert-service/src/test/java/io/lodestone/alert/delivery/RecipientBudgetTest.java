package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-recipient email budget's arithmetic, on a real PostgreSQL database. */
class RecipientBudgetTest {

    private static final Instant NOW = Instant.parse("2025-04-04T12:00:00Z");

    private final TestDatabase database = TestDatabase.migrated("alert_budget");
    private final RecipientBudget budget = new RecipientBudget(database.jdbc(), database.transactions(), TestProperties.alert(
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

    @Test
    void sendersRacingForAnAddressTakeNoMorePlacesThanItsHourHas() throws Exception {
        // Given eight senders that reserve the same address at the same moment, with three places an hour
        ExecutorService senders = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Instant>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(senders.submit(() -> {
                start.await();
                return budget.reserve(List.of("victim@example.com"), NOW);
            }));
        }
        start.countDown();
        int went = 0;
        for (Future<Instant> outcome : outcomes) {
            went += outcome.get(30, TimeUnit.SECONDS) == null ? 1 : 0;
        }
        senders.shutdown();

        // Then three may go and five are held for the hour
        assertThat(went).isEqualTo(3);
        assertThat(budget.heldUntil(List.of("victim@example.com"), NOW)).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void anEmailThatDidNotGoGivesItsPlacesBack() {
        budget.reserve(List.of("a@example.com"), NOW.minusSeconds(60));
        budget.reserve(List.of("a@example.com"), NOW.minusSeconds(30));
        assertThat(budget.reserve(List.of("a@example.com", "b@example.com"), NOW)).isNull();
        assertThat(budget.heldUntil(List.of("a@example.com"), NOW)).isNotNull();

        budget.release(List.of("a@example.com", "b@example.com"), NOW);

        assertThat(budget.heldUntil(List.of("a@example.com"), NOW)).isNull();
        assertThat(database.jdbc().sql("select count(*) from email_send where address = 'b@example.com'")
                .query(Integer.class).single()).isZero();
    }
}
