package io.lodestone.ingest.item;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which publication dates an item may carry, whatever its source: none before 1900 (no source
 * of ours reports older news; such dates are typos or epoch defaults) and none more than a day
 * ahead of the clock (time zones and early embargo stamps, not the future). A date outside
 * would pin or overflow risk arithmetic downstream, so such an item is refused or dropped.
 */
public final class PublicationDates {

    /** Earliest publication date accepted. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** How far ahead of the clock a publication date may be. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private PublicationDates() {
    }

    /** What is wrong with {@code publishedAt} as of {@code now}, if anything. */
    public static Optional<String> problem(Instant publishedAt, Instant now) {
        if (publishedAt.isBefore(EARLIEST)) {
            return Optional.of("must not be before " + EARLIEST);
        }
        if (publishedAt.isAfter(now.plus(MAX_AHEAD))) {
            return Optional.of("must not be more than " + MAX_AHEAD.toHours() + " hours ahead of the clock ("
                    + now.plus(MAX_AHEAD) + ")");
        }
        return Optional.empty();
    }
}
