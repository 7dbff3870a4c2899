package io.lodestone.service.api;

/**
 * The one rule for control characters in what clients send, shared by the request firewall (paths
 * and parameters) and the services' own fields: a <em>line</em> (a name, a label, a path) holds none
 * at all, line and paragraph separators included; a <em>text</em> (a comment, a text area) may hold
 * tab and line breaks, nothing else.
 * <p>
 * Neither may hold the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069). They are invisible and reorder everything shown after them up to the end of the
 * line, so a name holding U+202E (right-to-left override) displays as something other than it is in an
 * email subject, a Slack header or the console (the "Trojan Source" class of spoofing). Nobody
 * types them into a name or a comment; the marks that only set a direction (U+200E, U+200F) are left
 * alone. Nor may either hold the invisible spaces that make two names that look alike different
 * (zero-width space U+200B, word joiner U+2060, byte order mark U+FEFF), or half of a surrogate pair:
 * such a string is not text (it has no UTF-8 form) and was stored as "?". The joiners that build
 * emoji and scripts (U+200C, U+200D) are left alone.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code value} can stand on one line: no control character, no line or paragraph separator. */
    public static boolean fitOneLine(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || reordersText(c) || invisible(c)) && surrogatesPaired(value);
    }

    /** Whether {@code value} holds no control character but tab, CR and LF. */
    public static boolean fitText(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'
                || reordersText(c) || invisible(c)) && surrogatesPaired(value);
    }

    /** A zero-width space, word joiner or byte order mark: invisible, and nothing a person types. */
    private static boolean invisible(int c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    /** Whether every surrogate of {@code value} is half of a pair. */
    private static boolean surrogatesPaired(String value) {
        return withPairedSurrogates(value) == value;
    }

    /**
     * {@code value} without the characters {@link #reordersText} names, for text that is kept rather
     * than refused (a news item's headline); the same string when it holds none.
     */
    public static String withoutReordering(String value) {
        int first = 0;
        while (first < value.length() && !reordersText(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length()).append(value, 0, first);
        for (int i = first + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!reordersText(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * {@code value} with every surrogate that is not half of a pair replaced by U+FFFD: such a string
     * is not valid UTF-16, so it has no UTF-8 form, and a strict JSON reader (a webhook receiver)
     * refuses the {@code \\uD800} escape it is written as. The same string when it holds none.
     */
    public static String withPairedSurrogates(String value) {
        StringBuilder repaired = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                if (repaired != null) {
                    repaired.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (repaired == null) {
                    repaired = new StringBuilder(value.length()).append(value, 0, i);
                }
                repaired.append('\uFFFD');
            } else if (repaired != null) {
                repaired.append(c);
            }
        }
        return repaired == null ? value : repaired.toString();
    }

    /** A bidirectional embedding, override or isolate, or the pop that ends one. */
    public static boolean reordersText(int c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
