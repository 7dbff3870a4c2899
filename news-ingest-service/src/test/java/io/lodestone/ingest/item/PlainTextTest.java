package io.lodestone.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.Extractor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<script>alert('x')</script>Gallium <b>licences</b>|Gallium licences",
            "Nd &amp; Pr prices &gt; 2024 levels|Nd & Pr prices > 2024 levels",
            "  spaced \t out  |spaced out",
            "<img src=x onerror=alert(1)>Dy|Dy"})
    void markupAndScriptsBecomePlainText(String raw, String expected) {
        assertThat(PlainText.title(raw)).isEqualTo(expected);
    }

    /** Mirror sites insert pinyin after characters; inside a word, the gloss hides the word from every rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "商務(wù)部公告2026年第12號|商務部公告2026年第12號",
            "鎢、銻出口國(guó)營貿(mào)易企業(yè)申報條件|鎢、銻出口國營貿易企業申報條件",
            "通過部委委托的權(quán)威專家評(píng)審（shěn pī）|通過部委委托的權威專家評審",
            "稀土(REE)與鋰(Li)|稀土(REE)與鋰(Li)",
            "他的(de)書|他的(de)書",
            "Dysprosium (dì) prices|Dysprosium (dì) prices"})
    void pinyinGlossesAfterCharactersAreTakenOut(String raw, String expected) {
        assertThat(PlainText.text(raw)).isEqualTo(expected);
        assertThat(PlainText.title(raw)).isEqualTo(expected);
    }

    @Test
    void aGlossedNoticeReadsAsTheNoticeDoes() {
        String title = "商務(wù)部公告2026年第12號 2027年度鎢、銻出口國(guó)營貿(mào)易企業(yè)申報條件及申報程序";
        String text = "根據(jù)有關(guān)規定，現將2027年度鎢、銻出口國(guó)營貿(mào)易企業(yè)申報條件及申報程序公告如下。";
        Instant now = Instant.parse("2026-11-20T08:00:00Z");

        var event = new Extractor().extract(new NewsItem("notice-12", "push",
                PlainText.title(title), PlainText.text(text), null, now, null), now).event();

        assertThat(event.eventType()).isEqualTo(EventType.EXPORT_RESTRICTION);
        assertThat(event.elements()).containsExactlyInAnyOrder("W", "Sb");
    }

    /** Written as escapes: the characters themselves would reorder this source file when shown. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "China bans \u202Emuillag\u202C exports|China bans muillag exports",
            "Dy \u2067and\u2069 Tb|Dy and Tb",
            "\u202Aembedded\u202B twice\u202C|embedded twice"})
    void charactersThatReorderTheLineAreDropped(String raw, String expected) {
        assertThat(PlainText.title(raw)).isEqualTo(expected);
        assertThat(PlainText.text(raw)).isEqualTo(expected);
    }

    @Test
    void aSurrogateWithoutItsPairBecomesAReplacementCharacterAndPairsStay() {
        // a lone half has no UTF-8 form: a webhook receiver's strict JSON reader refuses its escape
        assertThat(PlainText.title("Dy \uD800 and \uDC00Tb \uD83D\uDE80")).isEqualTo("Dy \uFFFD and \uFFFDTb \uD83D\uDE80");
        assertThat(PlainText.text("ends in a half \uD83D")).isEqualTo("ends in a half \uFFFD");
    }

    @Test
    void overlongTitleIsCapped() {
        assertThat(PlainText.title("x".repeat(10_000))).hasSize(PlainText.MAX_TITLE);
    }

    @Test
    void nullStaysNull() {
        assertThat(PlainText.text(null)).isNull();
    }
}
