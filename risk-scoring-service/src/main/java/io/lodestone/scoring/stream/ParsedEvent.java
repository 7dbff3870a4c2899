package io.lodestone.scoring.stream;

import io.lodestone.events.SupplyEventDetected;

/**
 * A record of {@code supply.events.v1} after parsing: the event, or the untouched bytes of a
 * record that could not be read.
 */
record ParsedEvent(SupplyEventDetected event, byte[] raw) {

    static ParsedEvent ok(SupplyEventDetected event) {
        return new ParsedEvent(event, null);
    }

    static ParsedEvent poison(byte[] raw) {
        return new ParsedEvent(null, raw);
    }

    boolean isPoison() {
        return event == null;
    }
}
