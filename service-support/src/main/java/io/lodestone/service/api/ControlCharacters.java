package io.lodestone.service.api;

/**
 * The one rule for control characters in what clients send, shared by the request firewall (paths
 * and parameters) and the services' own fields: a <em>line</em> (a name, a label, a path) holds none
 * at all, line and paragraph separators included; a <em>text</em> (a comment, a text area) may hold
 * tab and line breaks, nothing else.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code value} can stand on one line: no control character, no line or paragraph separator. */
    public static boolean fitOneLine(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /** Whether {@code value} holds no control character but tab, CR and LF. */
    public static boolean fitText(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }
}
