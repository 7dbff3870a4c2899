package io.lodestone.alert.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Instants as the console writes them: UTC, to the minute, the zone spelled out. Templates call it
 * as {@code ${@times.format(instant)}}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return utc(instant);
    }

    static String utc(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
