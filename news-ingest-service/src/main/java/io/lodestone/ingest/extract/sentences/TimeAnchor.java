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
                char c = s.charAt(i);
                if ((c == '1' || c == '2') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                        && (i + 4 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 4)) || s.charAt(i + 4) == '年')
                        && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))
                        && Character.isDigit(s.charAt(i + 3))) {
                    int year = Integer.parseInt(s, i, i + 4, 10);
                    if (year >= 1900 && year <= now && year > latest) {
                        latest = year;
                    }
                }
            }
        }
        return latest < 0 ? null : LocalDate.of(latest, 12, 31);
    }
}
