package io.lodestone.events;

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
