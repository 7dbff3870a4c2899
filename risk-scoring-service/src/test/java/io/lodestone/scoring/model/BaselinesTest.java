package io.lodestone.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselinesTest {

    private final Baselines baselines = Baselines.load();

    @Test
    void everyTrackedElementHasABaselineThatStructureAloneKeepsAtMostBorderlineElevated() {
        for (Element element : Elements.all()) {
            assertThat(baselines.scoreOf(element.symbol())).as(element.symbol()).isBetween(0.0, Baselines.MAX_BASELINE);
        }
    }

    @ParameterizedTest(name = "{0} ranks above {1}")
    @CsvSource({"Dy, Ce", "Tb, La", "Dy, Nd", "Ga, Ge", "Nd, Ce", "C, Li"})
    void heavierConcentrationRanksHigher(String higher, String lower) {
        assertThat(baselines.scoreOf(higher)).isGreaterThan(baselines.scoreOf(lower));
    }

    @Test
    void recordsTheInputsAndTheDataVersion() {
        Baseline dy = baselines.of("Dy").orElseThrow();

        assertThat(dy.processingHhi()).isGreaterThan(0.9);
        assertThat(dy.dataVersion()).isEqualTo("2025.1");
    }
}
