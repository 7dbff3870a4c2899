package io.lodestone.ingest.extract;

import io.lodestone.events.SupplyEventDetected;

/**
 * What extraction made of one item. The event is always built, so a rejection can be explained;
 * for an item that is not about supply its type is {@code NOT_RELEVANT} and {@code relevant} is
 * false, and it must not be published.
 */
public record Extraction(SupplyEventDetected event, boolean relevant) {
}
