package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figure patterns are tried only where a figure may start; that must find exactly what a scan of
 * the whole text finds, in the same order, whatever surrounds the figures. And figures are what
 * reports of one event in different languages share, so each way outlets write a figure must come
 * out as the same figure: Chinese numerals, full-width digits and scales (million, 亿, 万) included.
 */
class StoryTextTest {

    /** Pieces of figures and what borders them: words that begin like units or months, signs, Han text, other scripts. */
    private static final String[] PIECES = {"No.", "no", "No", "number", "第", "号", "號", "%", "％", "percent", "per cent",
        "US$", "$", "¥", "€", "rmb", "RMB", "million", "bn", "tonnes", "tons", "metric tons", "kg", "kilograms", "吨",
        "亿", "万", "美元", "元", "公斤", "千克", "yuan", "dollars", "Jan", "jan.", "September", "Sept.", "marketplace",
        "Decembers", "月", "日", "年", "1,000", "12.50", "2025", "7", "30", "0.5", "123456", "07", "1,234,567", "casino",
        "announcement", "tariff", "中国", "稀土", "出口", "é", "—", "(", ")", "，", "。", "\u00a0", "\u3000", "Ω", "-", "/",
        "'s", "\n", "  ", "\t", "x", "A"};

    @Test
    void figuresFoundWhereTheyMayStartAreThoseOfAWholeTextScan() {
        Random random = new Random(20261201);
        for (int sample = 0; sample < 5_000; sample++) {
            String title = text(random, 1 + random.nextInt(8));
            String body = text(random, random.nextInt(120));

            List<String> tried = List.copyOf(StoryText.figures(title, body, false));
            List<String> whole = List.copyOf(StoryText.figures(title, body, true));

            assertThat(tried).as("title %s, text %s", title, body).isEqualTo(whole);
        }
    }

    @Test
    void everyKindOfFigureInAReportIsFound() {
        // Given a report whose figures sit among long stretches of words
        String text = "The ministry said on Nov. 9 that announcement No. 70 suspends the controls; shipments rose 30 per cent "
                + "to 1,250 tonnes worth US$ 4.5 million, a casino 5 miles away was not mentioned. 商务部公告第70号，11月10日起施行，"
                + "出口量增长30％，达1250吨。";

        // Then every kind of figure is found, as the whole-text scan finds it
        assertThat(StoryText.figures("China suspends rare earth controls in 2025", text, false))
                .contains("title-year:2025", "main-no:70", "pct:30", "date:11-9", "date:11-10", "amt:1250t", "amt:4500000usd")
                .containsExactlyElementsOf(StoryText.figures("China suspends rare earth controls in 2025", text, true));
    }

    @Test
    void quartersAndHalfYearsAHeadlineNamesAreItsPeriod() {
        assertThat(StoryText.periods("Rare Earth Concentrate Prices Rise 1.5% in Q3 2025")).containsExactly("title-period:q3");
        assertThat(StoryText.periods("Concentrate price adjusted for the fourth quarter")).containsExactly("title-period:q4");
        assertThat(StoryText.periods("北方稀土第三季度精矿交易价格上调")).containsExactly("title-period:q3");
        assertThat(StoryText.periods("3季度稀土精矿价格")).containsExactly("title-period:q3");
        assertThat(StoryText.periods("Tungsten output rose in 1H24; H2 quota cut")).containsExactly("title-period:h1", "title-period:h2");
        assertThat(StoryText.periods("下半年稀土开采指标下达")).containsExactly("title-period:h2");
        // a quarter-final, a Q&A and a 10-K are no period
        assertThat(StoryText.periods("Q&A: what the quarter-finals of the Q10 index mean")).isEmpty();
    }

    static Stream<Arguments> samePhrasings() {
        return Stream.of(
                Arguments.of("a percentage in Chinese numerals", "Output fell 90% from a year earlier.",
                        "产量同比下降百分之九十。", "pct:90"),
                Arguments.of("a decimal percentage in Chinese numerals, traditional", "Shipments dropped 28.7% in September.",
                        "九月出貨量下跌百分之二十八點七。", "pct:28.7"),
                Arguments.of("a percentage with full-width digits", "The share reached 12% of refined supply.",
                        "占精炼供应的１２％。", "pct:12"),
                Arguments.of("a day of the year in Chinese numerals", "The rules apply from November 10.",
                        "新规自十一月十日起施行。", "date:11-10"),
                Arguments.of("a dollar amount with million against 亿", "The fund put $400 million into the miner.",
                        "该基金向矿企投资4亿美元。", "amt:400000000usd"),
                Arguments.of("tonnes with thousands separators against 万吨", "The quota is 50,000 tonnes this year.",
                        "今年配额为5万吨。", "amt:50000t"),
                Arguments.of("a scaled amount in Chinese numerals", "Exports were worth 1.5 billion dollars.",
                        "出口额达十五亿美元。", "amt:1500000000usd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samePhrasings")
    void oneFigureWrittenTwoWaysIsOneFigure(String name, String english, String chinese, String figure) {
        // Given two outlets writing one figure their own way
        // When their figures are read
        var first = StoryText.figures(null, english);
        var second = StoryText.figures(null, chinese);

        // Then both carry the same normalised figure
        assertThat(first).contains(figure);
        assertThat(second).contains(figure);
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            int separator = random.nextInt(4);
            text.append(separator == 0 ? "" : separator == 1 ? " " : separator == 2 ? ". " : "\n");
        }
        return text.toString();
    }

    /** A pasted string of thousands of letters or digits is neither a word nor a figure of the story. */
    @Test
    void runsLongerThanAnyWordOrAmountAreLeftOut() {
        String text = "Gallium exports fell 12% to 7 tonnes. " + "x".repeat(5_000) + " " + "9".repeat(5_000) + " tonnes";

        assertThat(StoryText.terms("Gallium exports", text).keySet()).contains("gallium", "export")
                .allSatisfy(term -> assertThat(term.length()).isLessThanOrEqualTo(StoryText.MAX_WORD));
        assertThat(StoryText.figures("Gallium exports", text)).isNotEmpty()
                .allSatisfy(figure -> assertThat(figure.length()).isLessThanOrEqualTo(StoryText.MAX_FIGURE));
    }
}
