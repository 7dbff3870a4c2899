package io.lodestone.events;

import java.time.Instant;
import java.util.List;

/**
 * The sizes a record of the contract may have. Every consumer builds the records it reads through
 * their constructors, so a record outside these bounds fails to read and goes to its dead-letter
 * topic, instead of being carried into a state store, a changelog or an output topic where, past
 * the broker's 1 MB limit, it would stop the stage that tries to write it (and again after every
 * restart). The bounds are far above what the services write: ingest keeps titles to 500
 * characters and links to 2,000.
 */
final class Bounds {

    static final int ID = 256;
    static final int LANGUAGE = 64;
    static final int LINK = 4_096;
    static final int TEXT = 4_000;
    static final int NAMES = 256;

    private Bounds() {
    }

    /**
     * Refuses a time before {@link SupplyEventDetected#EARLIEST_TIME} or more than
     * {@link SupplyEventDetected#MAX_AHEAD} past the clock. Checked against the clock when the record
     * is built, by the producer and again by every consumer that reads it; the bound only widens as
     * time passes, so a record that was valid when it was written stays valid whenever it is read
     * or replayed. A time far in the future would otherwise outrank every real record after it
     * (an element's risk "as of" the year 2999 is never superseded).
     */
    static void time(String field, Instant time) {
        Instant latest = Instant.now().plus(SupplyEventDetected.MAX_AHEAD);
        if (time.isBefore(SupplyEventDetected.EARLIEST_TIME) || time.isAfter(latest)) {
            throw new IllegalArgumentException(field + " must be between " + SupplyEventDetected.EARLIEST_TIME
                    + " and one day ahead of the clock (" + latest + "), was " + time);
        }
    }

    /**
     * Refuses a value longer than {@code max} characters, or one holding a control character or a
     * line separator (null is fine): ids and links are written into logs, headers and state stores,
     * where a control character is six bytes of JSON escape or a forged line.
     */
    static void line(String field, String value, int max) {
        text(field, value, max);
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                    throw new IllegalArgumentException(field + " must not contain control characters");
                }
            }
        }
    }

    /** Refuses a value longer than {@code max} characters (null is fine). */
    static void text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + value.length());
        }
    }

    /** The list itself when it is null or has at most {@code max} entries. */
    static <T> List<T> list(String field, List<T> list, int max) {
        if (list != null && list.size() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " entries, had " + list.size());
        }
        return list;
    }
}
