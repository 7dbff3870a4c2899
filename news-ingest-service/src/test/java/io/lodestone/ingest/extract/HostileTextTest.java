package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lodestone.events.EventType;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.item.PlainText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts anyone can push, as long as an item may be, built to repeat what a rule repeats. Each
 * shape once cost far more than its length: some overflowed the stack of the thread reading it (a
 * 500 for a pushed item, a poll that failed at the same item every time), because Java's regex
 * engine recurses once per repetition of a group; others took work that grew with the square of
 * the text (a pattern tried at every digit of a 50,000-digit run, reading to its end each time: 163
 * seconds of CPU for one pushed item; every mention checked against every excluded phrase). The
 * item path (extraction, then the story candidate's terms and figures) reads each one to the end,
 * in the text and in the title, within {@link #MAX_CPU} of CPU. An ordinary item of this length
 * takes well under a tenth of that; {@link HostileTextBenchmark} prints the costs beside it.
 */
class HostileTextTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant NOW = Instant.parse("2026-04-04T08:00:00Z");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** About ten times what the costliest shape takes, cold, on a 2-core machine; quadratic work took minutes. */
    static final Duration MAX_CPU = Duration.ofSeconds(3);
    /** A relevant price headline: the text under it is also read for how large the move is. */
    static final String PRICE_HEADLINE = "Dysprosium prices edge higher as China bans exports";

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("determiners after an easing cue", "China will lift ", "the ", " controls."),
                Arguments.of("determiners after a tariff cut", "The US will cut ", "its ", " tariffs."),
                Arguments.of("determiners after a production cue", "The plant will produce ", "the ", " magnets."),
                Arguments.of("determiners after a postponement", "China will postpone ", "some ", " controls."),
                Arguments.of("a list of states as a deal's parties", "", "the US and Japan and ", " sign a deal."),
                Arguments.of("a hyphen chain of capitals", "", "Nd-Fe-", "B magnets."),
                Arguments.of("element symbols joined by slashes", "", "Nd/Pr/Dy/Tb/", "Sm."),
                Arguments.of("element symbols joined by commas", "", "Nd, Dy, ", "Tb."),
                Arguments.of("element symbols joined by and", "", "Ga and Ge and ", "Sb."),
                Arguments.of("a figure with many thousands separators", "Deals worth $", "1,000", " were signed."),
                Arguments.of("Chinese element names in a list", "", "镝、铽、", "镓。"),
                Arguments.of("Chinese dates", "", "2025年4月4日至", "6月30日。"),
                Arguments.of("Chinese years, no clause boundary", "", "2025年", "。"),
                Arguments.of("price moves stated as amounts, no boundary", "均价", "报645,000元/吨,涨2,500元,", "。"),
                Arguments.of("English price moves stated as amounts", "Tungsten ", "rose 2,500 yuan to 770,000 yuan and ",
                        "held."),
                Arguments.of("a run of digits", "", "1", ""),
                Arguments.of("a run of digits with decimal points", "", "1.1", ""),
                Arguments.of("a run of digits after a currency", "US$", "1", ""),
                Arguments.of("Chinese numerals after a unit", "吨", "一", ""),
                Arguments.of("Chinese numerals after 百分之", "百分之", "一", ""),
                Arguments.of("Chinese numerals with a decimal point", "吨", "一点", ""),
                Arguments.of("a battery chemistry, an excluded phrase", "", "镍钴铝", ""),
                Arguments.of("a company named for its metal", "", "Northern Rare Earth ", ""),
                Arguments.of("a group of elements", "", "heavy rare earths ", ""),
                Arguments.of("a templated ban", "", "中国禁止出口镝。", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void readsARepetitionAsLongAsAnItemMayBe(String shape, String start, String repeated, String end) {
        String text = itemLong(start, repeated, end);
        String title = start + repeat(repeated, PlainText.MAX_TITLE - start.length() - end.length()) + end;
        assertThat(text).hasSizeLessThanOrEqualTo(PlainText.MAX_TEXT);

        for (NewsItem item : List.of(item("Rare earth news", text), item(PRICE_HEADLINE, text), item(title, "A short body."))) {
            Duration cpu = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                long before = THREADS.getCurrentThreadCpuTime();
                Extraction extraction = EXTRACTOR.extract(item, NOW);
                StoryCandidate candidate = StoryCandidate.of(item, extraction.event());
                assertThat(extraction.event().eventType()).isInstanceOf(EventType.class);
                assertThat(candidate.figures()).isNotNull();
                return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - before);
            }, () -> shape + " under \"" + item.title().substring(0, Math.min(40, item.title().length())) + "\"");
            assertThat(cpu).as("CPU to read %s under \"%.40s\"", shape, item.title()).isLessThan(MAX_CPU);
        }
    }

    /** The shape repeated to the longest text an item keeps. */
    static String itemLong(String start, String repeated, String end) {
        return start + repeat(repeated, PlainText.MAX_TEXT - start.length() - end.length()) + end;
    }

    static NewsItem item(String title, String text) {
        return new NewsItem("hostile-1", "push", title, text, "https://news.example.test/a", NOW, null);
    }

    private static String repeat(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        while (out.length() + unit.length() <= length) {
            out.append(unit);
        }
        return out.toString();
    }
}
