package io.lodestone.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * The instants a caller may send: the years 0001 to 9999 of RFC 3339. PostgreSQL's timestamps end
 * in the year 294276 and {@link java.sql.Timestamp} overflows long before {@link Instant} does, so
 * a silence ending in the year 300000, or an alert search since then, would otherwise fail on the
 * way to the database instead of being refused.
 */
public final class StoredTimes {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StoredTimes() {
    }

    /** What is wrong with the instant, or empty when it may be stored and compared (null is fine). */
    public static Optional<String> problem(Instant instant) {
        if (instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST))) {
            return Optional.empty();
        }
        return Optional.of("must be between " + EARLIEST + " and " + LATEST);
    }
}
