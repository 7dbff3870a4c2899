package io.lodestone.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.events.SupplyEventDetected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event-time rule and the time arithmetic that must never overflow. */
class EventTimesTest {

    private static final Instant CLOCK = Instant.parse("2026-03-02T12:00:00Z");
    private final RiskEngine engine = RiskEngine.standard(2.0);

    @ParameterizedTest(name = "published {0} counts as {1}")
    @CsvSource({
            "2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z",
            "2026-03-02T12:00:00Z, 2026-03-02T12:00:00Z",
            "2026-03-02T20:00:00Z, 2026-03-02T12:00:00Z",
            "2026-03-03T12:00:00Z, 2026-03-02T12:00:00Z",
            "1900-01-01T00:00:00Z, 1900-01-01T00:00:00Z"})
    void anEventDatedAheadOfTheClockCountsAsPublishedAtTheClock(Instant publishedAt, Instant counted) {
        assertThat(EventTimes.scoredTime(publishedAt, CLOCK)).isEqualTo(counted);
    }

    @ParameterizedTest(name = "published {0} is refused")
    @CsvSource({
            "2026-03-03T12:00:01Z",
            "2999-01-01T00:00:00Z",
            "+300000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z",
            "1899-12-31T23:59:59Z",
            "-300000000-01-01T00:00:00Z"})
    void anEventDatedFarAheadOfTheClockOrBefore1900IsRefused(Instant publishedAt) {
        assertThatThrownBy(() -> EventTimes.scoredTime(publishedAt, CLOCK))
                .isInstanceOf(EventTimes.EventTimeOutOfRangeException.class)
                .hasMessageContaining("publishedAt");
    }

    @Test
    void decayOfAnImpactDatedAtEitherEndOfTimeIsFiniteAndNeverOverflows() {
        Impact impact = engine.impactsOf(Events.exportControl("e", "2026-03-01T00:00:00Z", "Dy")).get("Dy");

        for (Instant dated : List.of(Instant.MIN, Instant.MAX)) {
            Impact extreme = impact.datedAt(dated);
            for (Instant at : List.of(Instant.MIN, CLOCK, Instant.MAX)) {
                double pressure = extreme.pressureAt(at);
                assertThat(pressure).isBetween(0.0, impact.points());
            }
            // a published change is dated within the contract's bounds (no record says "as of" year 2999)
            for (Instant at : List.of(SupplyEventDetected.EARLIEST_TIME, CLOCK)) {
                assertThat(engine.reevaluate(engine.record(engine.initial("Dy"), extreme, at).state(), at).state().score())
                        .isBetween(0.0, 100.0);
            }
        }
    }
}
