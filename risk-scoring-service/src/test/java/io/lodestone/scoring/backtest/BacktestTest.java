package io.lodestone.scoring.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.RiskLevel;
import io.lodestone.scoring.model.Baselines;
import io.lodestone.scoring.stream.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of the model, checked on the real 2023–2025 timeline (the measures in force that
 * every deployment starts from, plus the demo's sample events) through the same topology the
 * service runs.
 */
class BacktestTest {

    private static final Path DEMO = Path.of("demo/supply-events-2023-2025.jsonl");
    private static final Backtest.Window WINDOW = new Backtest.Window(
            Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(1));

    private static List<TimelineRow> timeline;
    private static Map<String, Map<String, TimelineRow>> byElementAndDate;

    @BeforeAll
    static void replayTheDemoTimeline() throws IOException {
        timeline = replay(timelineInput(), WINDOW);
        byElementAndDate = timeline.stream().collect(Collectors.groupingBy(TimelineRow::element,
                Collectors.toMap(TimelineRow::date, row -> row)));
    }

    @Test
    void dysprosiumAndTerbiumAreAtMostElevatedBeforeAprilTheFourthAndAtLeastHighWithinTwoDays() {
        for (String element : List.of("Dy", "Tb")) {
            assertThat(rows(element, row -> row.date().compareTo("2025-04-04") < 0))
                    .as(element + " before 4 April 2025")
                    .allSatisfy(row -> assertThat(row.level()).isIn(RiskLevel.LOW, RiskLevel.GUARDED, RiskLevel.ELEVATED));
            assertThat(row(element, "2025-04-06").level()).as(element + " on 6 April 2025").isIn(RiskLevel.HIGH, RiskLevel.SEVERE);
            assertThat(row(element, "2025-04-06").topContributor().eventId()).isEqualTo("measure-mofcom-2025-18");
        }
    }

    @Test
    void galliumRisesClearlyAfterJulyTheThird2023() {
        double before = row("Ga", "2023-07-02").score();
        double after = row("Ga", "2023-07-05").score();

        assertThat(after - before).isGreaterThanOrEqualTo(20);
        assertThat(row("Ga", "2023-07-05").level()).isIn(RiskLevel.HIGH, RiskLevel.SEVERE);
    }

    @Test
    void holmiumDropsAfterTheSuspensionOfNovemberTheSeventh2025() {
        double before = row("Ho", "2025-11-06").score();
        double after = row("Ho", "2025-11-08").score();

        assertThat(after).isLessThan(before - 10);
        assertThat(row("Ho", "2025-11-08").level().compareTo(row("Ho", "2025-11-06").level())).isNegative();
    }

    @Test
    void ceriumIsNeverSevere() {
        assertThat(rows("Ce", row -> true)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.level()).isNotEqualTo(RiskLevel.SEVERE));
    }

    @Test
    void anElementHitOnlyByOneStrikeIsBackNearItsBaselineMonthsLater() throws IOException {
        Backtest.Window window = new Backtest.Window(Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-07-01T00:00:00Z"), Duration.ofDays(1));
        List<TimelineRow> rows = replay(Files.readString(Path.of("src/test/resources/one-strike.jsonl")), window);
        double baseline = Baselines.load().scoreOf("Co");

        TimelineRow hit = rows.stream().filter(r -> r.element().equals("Co") && r.date().equals("2024-03-01")).findFirst().orElseThrow();
        TimelineRow later = rows.stream().filter(r -> r.element().equals("Co") && r.date().equals("2024-06-01")).findFirst().orElseThrow();

        assertThat(hit.score()).isGreaterThan(baseline + 15);
        assertThat(later.score()).isBetween(baseline - 0.5, baseline + 3);
    }

    @Test
    void theSameInputGivesTheSameOutputByteForByte() throws IOException {
        String input = timelineInput();
        Backtest.Window shortWindow = new Backtest.Window(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-12-31T00:00:00Z"), Duration.ofDays(1));

        assertThat(lines(replay(input, shortWindow))).isEqualTo(lines(replay(input, shortWindow)));
    }

    @Test
    void writesOneRowPerElementPerStep() {
        long days = Duration.between(WINDOW.from(), WINDOW.to()).toDays();

        assertThat(timeline).hasSize((int) days * io.lodestone.events.Elements.all().size());
        assertThat(timeline.get(0).date()).isEqualTo("2023-01-01");
    }

    /** The dataset of measures in force followed by the demo's sample events, as the README's backtest reads them. */
    private static String timelineInput() throws IOException {
        return String.join("\n", MeasuresInForce.lines()) + "\n" + Files.readString(DEMO);
    }

    private static List<TimelineRow> replay(String input, Backtest.Window window) {
        List<TimelineRow> rows = new ArrayList<>();
        Backtest.standard().run(EventLines.read(new StringReader(input)), window, rows::add);
        return rows;
    }

    private static String lines(List<TimelineRow> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(Json.MAPPER.writeValueAsString(row)).append('\n'));
        return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static TimelineRow row(String element, String date) {
        return byElementAndDate.get(element).get(date);
    }

    private static List<TimelineRow> rows(String element, Predicate<TimelineRow> filter) {
        return timeline.stream().filter(row -> row.element().equals(element)).filter(filter).toList();
    }
}
