package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for what a name or a comment may hold. */
class ControlCharactersTest {

    @Test
    void aLineMayHoldAnyScriptAndEmojiBuiltWithJoiners() {
        assertThat(ControlCharacters.fitOneLine("稀土采购 · Magnet buyers \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")).isTrue();
        assertThat(ControlCharacters.fitOneLine("\u200Fمشتريات")).isTrue();
    }

    @Test
    void invisibleSpacesAndHalvesOfSurrogatePairsAreRefusedInLinesAndTexts() {
        for (String bad : new String[] {"Buyers\u200B", "\uFEFFBuyers", "Buy\u2060ers", "Buyers \uD800", "\uDC00 Buyers"}) {
            assertThat(ControlCharacters.fitOneLine(bad)).as(bad).isFalse();
            assertThat(ControlCharacters.fitText("Back Monday.\n" + bad)).as(bad).isFalse();
        }
        assertThat(ControlCharacters.fitText("Supplier audit.\r\n\tBack Monday.")).isTrue();
    }
}
