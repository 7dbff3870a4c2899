package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figures are what reports of one event in different languages share, so each way outlets write
 * a figure must come out as the same figure: Chinese numerals, full-width digits and scales
 * (million, 亿, 万) included. Each row is two phrasings of one figure and what both must give.
 */
class StoryTextTest {

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
}
