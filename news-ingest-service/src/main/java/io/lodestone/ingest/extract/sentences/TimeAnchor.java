package io.lodestone.ingest.extract.sentences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The date an undated item is read against, so that its recollections are still recognised: the
 * latest year its text names (not after the extraction year), taken as that year's last day. An
 * item that names no year has no anchor, and its years are then not read as recollections.
 */
public final class TimeAnchor {

    private TimeAnchor() {
    }

    public static LocalDate latestYearNamed(Document document, Instant detectedAt) {
        int now = LocalDate.ofInstant(detectedAt, ZoneOffset.UTC).getYear();
        int latest = -1;
        for (Field field : Field.values()) {
            String s = document.field(field);
            for (int i = 0; i + 4 <= s.length(); i++) {
                int year = yearAt(s, i);
                if (year >= 1900 && year <= now && year > latest) {
                    latest = year;
                }
            }
        }
        return latest < 0 ? null : LocalDate.of(latest, 12, 31);
    }

    /**
     * The year 1900–2099 written at {@code i} as four digits standing alone ("in 2023", 2023年,
     * 继2023年: Han characters may touch it, Latin letters and digits may not), or -1.
     */
    public static int yearAt(String s, int i) {
        if (i + 4 > s.length() || (i > 0 && isAsciiLetterOrDigit(s.charAt(i - 1)))
                || (i + 4 < s.length() && isAsciiLetterOrDigit(s.charAt(i + 4)))) {
            return -1;
        }
        char c = s.charAt(i);
        if (!((c == '1' && s.charAt(i + 1) == '9') || (c == '2' && s.charAt(i + 1) == '0'))
                || !Character.isDigit(s.charAt(i + 2)) || !Character.isDigit(s.charAt(i + 3))) {
            return -1;
        }
        return Integer.parseInt(s, i, i + 4, 10);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
