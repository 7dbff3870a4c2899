package io.lodestone.ingest.item;

import org.jsoup.Jsoup;

/**
 * Turns whatever a source calls text (HTML fragments, escaped entities, script tags) into plain
 * text that is safe to show anywhere: markup and scripts removed, entities decoded, whitespace
 * collapsed, and the length capped so one hostile item cannot blow up memory downstream.
 */
public final class PlainText {

    /** Longest title kept; anything longer is cut at a character boundary. */
    public static final int MAX_TITLE = 500;
    /** Longest body kept. */
    public static final int MAX_TEXT = 50_000;

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
        String text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parse(raw).text() : raw;
        text = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
        if (text.length() > max) {
            int cut = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
            text = text.substring(0, cut);
        }
        return text;
    }
}
