package io.lodestone.service.security;

/**
 * Makes caller-supplied text safe to put in a log line: CR and LF become the two characters
 * {@code \r} and {@code \n}, every other control or line-separator character becomes a
 * {@code \}{@code uXXXX} escape, and very long values are cut, so no input can start a forged
 * line or flood the log. Use it on every value a caller chose (ids, names, sources, paths).
 */
public final class LogSafe {

    /** Longest value written to a log; the rest is replaced by an ellipsis. */
    public static final int MAX_LENGTH = 300;

    private LogSafe() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        boolean cut = text.length() > MAX_LENGTH;
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < Math.min(text.length(), MAX_LENGTH); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\\') {
                safe.append("\\\\");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return cut ? safe.append('…').toString() : safe.toString();
    }
}
