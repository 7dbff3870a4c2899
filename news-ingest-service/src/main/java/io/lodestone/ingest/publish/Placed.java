package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;

/**
 * What the story processor passes on: an event to publish, or a candidate it could not read or
 * place, as received, for the dead-letter topic.
 */
record Placed(SupplyEventDetected event, byte[] poison) {

    boolean isPoison() {
        return poison != null;
    }
}
