package io.lodestone.scoring.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the model trusts an event's own date. Decay runs from {@code publishedAt}, so a date
 * ahead of the scoring clock would hold a score up until the clocks agree, and an absurd one
 * would hold it forever. The rule: an event dated up to {@link #MAX_AHEAD} after the scoring
 * clock counts as published at the clock (a source's clock a little ahead of ours, or a time
 * zone mistake); one dated further ahead, or before {@link #EARLIEST}, is refused as not a news
 * date at all. Time arithmetic here saturates instead of overflowing, whatever the instants.
 */
public final class EventTimes {

    /** The earliest event date the model accepts. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** How far ahead of the scoring clock an event date may be; beyond it the event is refused. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private EventTimes() {
    }

    /**
     * The time an event counts as published at when it is scored at {@code clock}.
     *
     * @throws EventTimeOutOfRangeException for a date before {@link #EARLIEST} or more than
     *                                      {@link #MAX_AHEAD} after the clock
     */
    public static Instant scoredTime(Instant publishedAt, Instant clock) {
        if (publishedAt.isBefore(EARLIEST)) {
            throw new EventTimeOutOfRangeException("publishedAt " + publishedAt + " is before " + EARLIEST);
        }
        if (secondsBetween(clock, publishedAt) > MAX_AHEAD.toSeconds()) {
            throw new EventTimeOutOfRangeException("publishedAt " + publishedAt + " is more than " + MAX_AHEAD
                    + " ahead of the scoring clock " + clock);
        }
        return publishedAt.isAfter(clock) ? clock : publishedAt;
    }

    /**
     * Seconds from {@code from} to {@code to}, negative when {@code to} is earlier. Exact to the
     * nanosecond near each other and never overflowing: any two instants are less than 2^56
     * seconds apart, which a long holds and a double approximates.
     */
    public static double secondsBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        return seconds + (to.getNano() - from.getNano()) / 1e9;
    }

    /** The length of a duration in seconds, as a double (no overflow for any duration). */
    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** An event date the model refuses; the record carrying it goes to the dead-letter topic. */
    public static final class EventTimeOutOfRangeException extends IllegalArgumentException {

        EventTimeOutOfRangeException(String message) {
            super(message);
        }
    }
}
