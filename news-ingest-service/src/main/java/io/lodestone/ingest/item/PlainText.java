package io.lodestone.ingest.item;

import io.lodestone.service.api.ControlCharacters;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns whatever a source calls text (HTML fragments, escaped entities, script tags) into plain
 * text that is safe to show anywhere: markup and scripts removed, entities decoded, whitespace
 * collapsed, the invisible characters that reorder how the rest of a line is displayed (bidi
 * embeddings, overrides and isolates, see {@link ControlCharacters#reordersText}) dropped, a surrogate
 * without its pair replaced by U+FFFD (it has no UTF-8 form), since a headline ends up in alert emails,
 * Slack messages, webhooks and the console, and the length capped so one hostile item cannot blow up
 * memory downstream. The input is cut too before it is parsed, so no source can make the HTML parser
 * work without bound. Pinyin glosses that mirror sites put inside words ("商務(wù)部") are taken out.
 */
public final class PlainText {

    /** Longest title kept; anything longer is cut at a character boundary. */
    public static final int MAX_TITLE = 500;
    /** Longest body kept. */
    public static final int MAX_TEXT = 50_000;
    /** Input longer than this many times the kept length is cut before any HTML parsing. */
    static final int RAW_FACTOR = 4;

    /** Control characters but line breaks and tabs, and runs of spaces: compiled once, not per item. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    /** Tone-marked vowels of pinyin: a gloss holds at least one. */
    private static final String TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    /**
     * A pronunciation gloss in brackets after a Han character, as mirror sites insert them
     * ("商務(wù)部", "國(guó)營"): one to four syllables of pinyin, at least one with a tone mark.
     */
    private static final Pattern PINYIN_GLOSS = Pattern.compile("(?<=\\p{IsHan})[(（](?=[^)）]{0,40}[" + TONES + "])"
            + "[a-zü" + TONES + "]{1,7}(?: [a-zü" + TONES + "]{1,7}){0,3}[)）]");

    private PlainText() {
    }

    public static String title(String raw) {
        return clean(raw, MAX_TITLE);
    }

    public static String text(String raw) {
        return clean(raw, MAX_TEXT);
    }

    private static String clean(String raw, int max) {
        if (raw == null) {
            return null;
        }
        // Markup and whitespace shrink the text by a bounded factor at most in real items, so a
        // longer input is cut before the HTML parser sees it: parsing cost stays bounded.
        String input = raw.length() > max * RAW_FACTOR ? cut(raw, max * RAW_FACTOR) : raw;
        String text = input.indexOf('<') >= 0 || input.indexOf('&') >= 0 ? Jsoup.parse(input).text() : input;
        text = SPACES.matcher(CONTROLS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        // dropped rather than spaced: they separate nothing
        text = ControlCharacters.withPairedSurrogates(ControlCharacters.withoutReordering(text));
        // a gloss inside a word ("國(guó)營") splits it: the word, not the gloss, is what rules read
        if (hasToneMark(text)) {
            text = PINYIN_GLOSS.matcher(text).replaceAll("");
        }
        return text.length() > max ? cut(text, max) : text;
    }

    private static boolean hasToneMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (TONES.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    private static String cut(String text, int max) {
        return text.substring(0, Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max);
    }
}
