package io.lodestone.scoring.model;

import static io.lodestone.scoring.model.Events.exportControl;
import static io.lodestone.scoring.model.Events.groupControl;
import static io.lodestone.scoring.model.Events.strike;
import static io.lodestone.scoring.model.Events.suspension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.events.SupplyEventDetected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskEngineTest {

    private final RiskEngine engine = RiskEngine.standard(2.0);

    @ParameterizedTest(name = "held {0}, score {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "none,     59.9, ELEVATED",
            "ELEVATED, 60.0, HIGH",
            "GUARDED,  85.0, SEVERE",
            "HIGH,     57.0, HIGH",
            "HIGH,     55.0, HIGH",
            "HIGH,     54.9, ELEVATED",
            "SEVERE,   75.0, SEVERE",
            "SEVERE,   74.9, HIGH",
            "SEVERE,   56.0, HIGH",
            "SEVERE,   30.0, GUARDED",
            "GUARDED,  15.1, GUARDED",
            "GUARDED,  14.9, LOW"})
    void levelsRiseAtOnceAndFallOnlyFivePointsBelowTheBand(RiskLevel held, double score, RiskLevel expected) {
        assertThat(RiskEngine.levelAfter(held, score, 5.0)).isEqualTo(expected);
    }

    @Test
    void raisesDysprosiumToHighAfterExportLicensing() {
        ElementRisk dy = apply(engine.initial("Dy"), at("2025-04-04T12:00:00Z"),
                exportControl("no18", "2025-04-04T09:00:00Z", "Dy", "Tb"));

        assertThat(dy.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(dy.score()).isBetween(60.0, 80.0);
    }

    @Test
    void aStrikeFadesBackToTheBaselineWithinMonths() {
        ElementRisk co = apply(engine.initial("Co"), at("2025-03-01T00:00:00Z"),
                strike("strike", "2025-03-01T00:00:00Z", "Co"));
        double baseline = engine.baselines().scoreOf("Co");
        assertThat(co.score()).isGreaterThan(baseline + 15);

        ElementRisk later = engine.reevaluate(co, at("2025-06-01T00:00:00Z")).state();

        assertThat(later.score()).isCloseTo(baseline, within(3.0));
    }

    @ParameterizedTest(name = "{0} halves after {1} days")
    @CsvSource({
            "EXPORT_RESTRICTION, 270",
            "PRODUCTION_DISRUPTION, 14",
            "PRICE_MOVE, 10",
            "NEW_SUPPLY, 180"})
    void pressureHalvesAfterTheHalfLifeOfItsType(io.lodestone.events.EventType type, int days) {
        SupplyEventDetected event = Events.event("e", "2025-01-01T00:00:00Z", type,
                type.usualDirection() == io.lodestone.events.Direction.NEUTRAL
                        ? io.lodestone.events.Direction.TIGHTENING : type.usualDirection(),
                3, List.of("W"), List.of());
        Impact impact = engine.impactsOf(event).get("W");

        double later = impact.pressureAt(at("2025-01-01T00:00:00Z").plus(java.time.Duration.ofDays(days)));

        assertThat(later).isCloseTo(impact.points() / 2, within(1e-9));
    }

    @Test
    void namedElementsFeelMoreThanElementsReachedOnlyThroughTheirGroup() {
        SupplyEventDetected event = Events.event("mixed", "2025-01-01T00:00:00Z",
                io.lodestone.events.EventType.EXPORT_RESTRICTION, io.lodestone.events.Direction.TIGHTENING, 4,
                List.of("Dy"), List.of(ElementGroup.HREE));

        var impacts = engine.impactsOf(event);

        assertThat(impacts.get("Dy").reach()).isEqualTo(Reach.NAMED);
        assertThat(impacts.get("Tb").reach()).isEqualTo(Reach.GROUP);
        assertThat(impacts.get("Tb").points()).isLessThan(impacts.get("Dy").points() / 2);
        assertThat(impacts).doesNotContainKey("Nd");
    }

    @Test
    void easingEventsSubtractAndNeutralOrIrrelevantOnesDoNothing() {
        assertThat(engine.impactsOf(suspension("s", "2025-01-01T00:00:00Z", "Ho")).get("Ho").points()).isNegative();
        assertThat(engine.impactsOf(Events.event("n", "2025-01-01T00:00:00Z", io.lodestone.events.EventType.PRICE_MOVE,
                io.lodestone.events.Direction.NEUTRAL, 3, List.of("Nd"), List.of()))).isEmpty();
        assertThat(engine.impactsOf(Events.event("x", "2025-01-01T00:00:00Z", io.lodestone.events.EventType.NOT_RELEVANT,
                io.lodestone.events.Direction.TIGHTENING, 3, List.of("Nd"), List.of()))).isEmpty();
        assertThat(engine.impactsOf(exportControl("u", "2025-01-01T00:00:00Z", "Xx"))).isEmpty();
    }

    @Test
    void theSuspensionOfAControlBringsTheScoreDown() {
        ElementRisk ho = apply(engine.initial("Ho"), at("2025-10-09T12:00:00Z"),
                exportControl("oct", "2025-10-09T09:00:00Z", "Ho"));
        ElementRisk suspended = apply(ho, at("2025-11-07T12:00:00Z"), suspension("nov", "2025-11-07T09:00:00Z", "Ho"));

        assertThat(suspended.score()).isLessThan(ho.score() - 15);
    }

    @Test
    void easingAloneCannotTakeMoreThanAQuarterOfTheBaseline() {
        ElementRisk nd = engine.initial("Nd");
        for (int i = 0; i < 20; i++) {
            nd = apply(nd, at("2025-07-11T00:00:00Z"), suspension("ease-" + i, "2025-07-10T00:00:00Z", "Nd"));
        }

        assertThat(nd.score()).isGreaterThanOrEqualTo(engine.baselines().scoreOf("Nd") * 0.75 - 1e-9);
    }

    @Test
    void manyEventsApproachButNeverExceedOneHundred() {
        ElementRisk ga = engine.initial("Ga");
        for (int i = 0; i < 60; i++) {
            ga = apply(ga, at("2025-01-02T00:00:00Z"), exportControl("ban-" + i, "2025-01-01T00:00:00Z", "Ga"));
        }

        assertThat(ga.score()).isGreaterThan(99).isLessThanOrEqualTo(100);
        assertThat(ga.level()).isEqualTo(RiskLevel.SEVERE);
    }

    @Test
    void genericGroupStoriesAloneCannotMakeAnElementHigh() {
        ElementRisk dy = engine.initial("Dy");
        for (int i = 0; i < 10; i++) {
            dy = apply(dy, at("2024-01-02T00:00:00Z"), groupControl("ree-" + i, "2024-01-01T00:00:00Z", ElementGroup.REE));
        }

        assertThat(dy.level()).isIn(RiskLevel.GUARDED, RiskLevel.ELEVATED);
    }

    @Test
    void theSameStoryTwiceCountsOnceAndCorroborationCountsALittleMore() {
        SupplyEventDetected story = exportControl("no23", "2023-07-03T10:00:00Z", "Ga");
        Instant at = at("2023-07-04T00:00:00Z");
        ElementRisk once = apply(engine.initial("Ga"), at, story);

        ElementRisk twice = apply(once, at, story);
        ElementRisk corroborated = apply(once, at, story.withCorroborations(4));

        assertThat(twice.score()).isEqualTo(once.score());
        assertThat(twice.impacts()).hasSize(1);
        assertThat(corroborated.score()).isGreaterThan(once.score()).isLessThan(100);
        assertThat(apply(corroborated, at, story).score()).as("a stale copy does not undo corroboration")
                .isEqualTo(corroborated.score());
    }

    @Test
    void theScoreDependsOnTheEventsNotOnTheOrderTheyArrive() {
        List<SupplyEventDetected> events = new ArrayList<>(List.of(
                exportControl("a", "2025-02-04T00:00:00Z", "W"),
                strike("b", "2025-03-01T00:00:00Z", "W"),
                suspension("c", "2025-03-10T00:00:00Z", "W"),
                groupControl("d", "2025-01-10T00:00:00Z", ElementGroup.REE)));
        Instant at = at("2025-04-01T00:00:00Z");
        double reference = applyAll(events, at).score();

        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(events, random);
            assertThat(applyAll(events, at).score()).isEqualTo(reference);
        }
    }

    @Test
    void publishesLevelChangesAndMovesOfAtLeastTheStepButNotSmallDrift() {
        ElementRisk dy = engine.initial("Dy");
        RiskEngine.Step first = engine.record(dy, engine.impactsOf(exportControl("no18", "2025-04-04T00:00:00Z", "Dy")).get("Dy"),
                at("2025-04-04T00:00:00Z"));
        ElementRiskChanged change = first.change().orElseThrow();
        assertThat(change.previousLevel()).isEqualTo(RiskLevel.GUARDED);
        assertThat(change.previousScore()).isEqualTo(change.baseline());
        assertThat(change.contributors()).singleElement().satisfies(c -> assertThat(c.eventId()).isEqualTo("no18"));

        RiskEngine.Step anHourLater = engine.reevaluate(first.state(), at("2025-04-04T01:00:00Z"));
        RiskEngine.Step monthsLater = engine.reevaluate(first.state(), at("2025-09-04T00:00:00Z"));

        assertThat(anHourLater.change()).isEmpty();
        assertThat(monthsLater.change()).hasValueSatisfying(c -> {
            assertThat(c.previousScore()).isEqualTo(change.score());
            assertThat(c.score()).isLessThan(change.score());
        });
    }

    @Test
    void aContributorSaysWhichLanguageItsEventWasReportedIn() {
        ElementRisk dy = engine.initial("Dy");

        RiskEngine.Step step = engine.record(dy, engine.impactsOf(exportControl("no18", "2025-04-04T00:00:00Z", "Dy")).get("Dy"),
                at("2025-04-04T00:00:00Z"));

        assertThat(step.change().orElseThrow().contributors()).singleElement()
                .satisfies(c -> assertThat(c.language()).isEqualTo("en"));
    }

    @Test
    void contributionsAddUpToTheScoreAboveTheBaseline() {
        Instant at = at("2025-04-01T00:00:00Z");
        ElementRisk w = applyAll(List.of(exportControl("a", "2025-02-04T00:00:00Z", "W"),
                strike("b", "2025-03-25T00:00:00Z", "W"), suspension("c", "2025-03-10T00:00:00Z", "W")), at);

        Assessment assessment = engine.assess("W", w.impacts(), at);
        double sum = assessment.contributors().stream().mapToDouble(c -> c.contribution()).sum();

        assertThat(sum).isCloseTo(assessment.score() - assessment.baseline(), within(0.2));
        assertThat(assessment.contributors().get(0).eventId()).isEqualTo("a");
    }

    private ElementRisk applyAll(List<SupplyEventDetected> events, Instant at) {
        ElementRisk state = engine.initial("W");
        for (SupplyEventDetected event : events) {
            state = apply(state, at, event);
        }
        return state;
    }

    private ElementRisk apply(ElementRisk state, Instant at, SupplyEventDetected event) {
        Impact impact = engine.impactsOf(event).get(state.element());
        return impact == null ? engine.reevaluate(state, at).state() : engine.record(state, impact, at).state();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
