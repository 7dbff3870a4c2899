package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.lifecycle.ElementRiskRepository.RiskPoint;
import io.lodestone.events.Elements;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The board's grouping, filters, trend wording and sparkline. */
class BoardRowTest {

    @ParameterizedTest(name = "{0} is listed under {1}")
    @CsvSource({"Nd, LIGHT", "Sm, LIGHT", "Dy, HEAVY", "Y, HEAVY", "Eu, HEAVY", "Sc, OTHER", "Ga, OTHER", "C, OTHER"})
    void eachElementIsListedInItsGroup(String symbol, BoardSection section) {
        assertThat(BoardSection.of(Elements.bySymbol(symbol).orElseThrow())).isEqualTo(section);
    }

    @ParameterizedTest(name = "trend {0} reads {1}")
    @CsvSource(delimiter = '|', value = {"12.46 | ▲ +12.5", "-3.0 | ▼ -3.0", "0.01 | → 0"})
    void theTrendReadsAsAnArrowAndPoints(double trend, String text) {
        assertThat(row("Dy", RiskLevel.HIGH, trend).trendText()).isEqualTo(text);
    }

    @ParameterizedTest(name = "query ''{0}'', min level {1}, group {2}: {3}")
    @CsvSource({
            "dy,          ,         ,      true",
            "dysprosium,  ,         ,      true",
            "gallium,     ,         ,      false",
            "export,      ,         ,      true",
            ",            HIGH,     ,      true",
            ",            SEVERE,   ,      false",
            ",            ,         HEAVY, true",
            ",            ,         LIGHT, false"})
    void theFiltersMatchSymbolNameHeadlineLevelAndGroup(String query, RiskLevel minLevel, BoardSection section,
                                                        boolean shown) {
        assertThat(row("Dy", RiskLevel.HIGH, 1.0).matches(query, minLevel, section)).isEqualTo(shown);
    }

    @Test
    void anElementWithoutDataIsListedButPassesNoLevelFilter() {
        BoardRow none = BoardRow.of(Elements.bySymbol("Ho").orElseThrow(), null, null, "");

        assertThat(none.levelClass()).isEqualTo("level-none");
        assertThat(none.matches(null, null, null)).isTrue();
        assertThat(none.matches(null, RiskLevel.LOW, null)).isFalse();
    }

    @Test
    void theTrendIsMeasuredFromTheScoreBeforeTheWindowElseItsFirstChangeAndASingleChangeHasNone() {
        RiskPoint first = new RiskPoint(Instant.parse("2025-04-01T00:00:00Z"), 40, RiskLevel.ELEVATED);
        RiskPoint latest = new RiskPoint(Instant.parse("2025-04-04T00:00:00Z"), 72.5, RiskLevel.HIGH);

        assertThat(RiskBoard.trend(72.5, 30.0, List.of(first, latest))).isEqualTo(42.5);
        assertThat(RiskBoard.trend(72.5, null, List.of(first, latest))).isEqualTo(32.5);
        assertThat(RiskBoard.trend(72.5, null, List.of(latest))).isNull();
    }

    @Test
    void theSparklineSpansTheWindowFromTheScoreBeforeIt() {
        Instant from = Instant.parse("2025-04-01T00:00:00Z");
        Instant to = Instant.parse("2025-04-08T00:00:00Z");

        String points = RiskBoard.sparkline(List.of(new RiskPoint(to, 80, RiskLevel.SEVERE)), 30.0, from, to);

        assertThat(points).isEqualTo("0.0,14.0 80.0,4.0");
        assertThat(RiskBoard.sparkline(List.of(new RiskPoint(to, 80, RiskLevel.SEVERE)), null, from, to)).isEmpty();
    }

    private static BoardRow row(String symbol, RiskLevel level, double trend) {
        return new BoardRow(Elements.bySymbol(symbol).orElseThrow(), BoardSection.HEAVY, level, 70.0, trend, "",
                Instant.parse("2025-04-04T09:00:00Z"), "Export controls on seven rare earths", null);
    }
}
