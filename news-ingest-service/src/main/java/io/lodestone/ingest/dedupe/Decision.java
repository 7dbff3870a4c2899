package io.lodestone.ingest.dedupe;

import io.lodestone.events.SupplyEventDetected;

/**
 * What the deduplicator made of one item.
 *
 * @param outcome           new story, exact copy, or the same story told again
 * @param duplicateOfItemId the id of the earlier item this one repeats (the first item of its
 *                          story for a near-duplicate); null when new
 * @param toPublish         what to publish: the item's own event when new, the story's first event
 *                          with its corroborations counted when a near-duplicate, null for an exact copy
 */
public record Decision(Outcome outcome, String duplicateOfItemId, SupplyEventDetected toPublish) {

    public enum Outcome {
        NEW,
        EXACT_DUPLICATE,
        NEAR_DUPLICATE
    }
}
