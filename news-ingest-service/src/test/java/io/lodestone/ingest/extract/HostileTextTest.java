package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.EventType;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.item.PlainText;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts anyone can push, as long as an item may be, built to repeat what a rule repeats: each
 * of them overflowed the stack of the thread reading it (a 500 for a pushed item, a poll that
 * failed at the same item every time), because Java's regex engine recurses once per repetition
 * of a group. The extractor reads each one to the end, in the text and in the title.
 */
class HostileTextTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant NOW = Instant.parse("2026-04-04T08:00:00Z");

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
                        "held."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void readsARepetitionAsLongAsAnItemMayBe(String shape, String start, String repeated, String end) {
        String text = itemLong(start, repeated, end);
        String title = start + repeat(repeated, PlainText.MAX_TITLE - start.length() - end.length()) + end;

        Extraction inText = EXTRACTOR.extract(item("Rare earth news", text), NOW);
        Extraction inTitle = EXTRACTOR.extract(item(title, "A short body."), NOW);

        assertThat(text).hasSizeLessThanOrEqualTo(PlainText.MAX_TEXT);
        assertThat(inText.event().eventType()).isInstanceOf(EventType.class);
        assertThat(inTitle.event().eventType()).isInstanceOf(EventType.class);
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
