package io.lodestone.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;

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
