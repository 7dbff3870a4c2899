package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;

/**
 * What happened to one item.
 *
 * @param itemId      the item's id
 * @param status      what the pipeline did with it
 * @param event       the event as extracted (or, for a corroboration, as republished); for
 *                    NOT_RELEVANT items the extraction with type NOT_RELEVANT
 * @param duplicateOf the id of the earlier item whose story this is, or null
 */
public record ItemOutcome(String itemId, Status status, SupplyEventDetected event, String duplicateOf) {

    public enum Status {
        /** A new supply event, published. */
        PUBLISHED,
        /** Another outlet's report of a known story: the story was republished with more corroborations. */
        CORROBORATED,
        /** The same item again (same URL or id): nothing published. */
        DUPLICATE,
        /** Not about supply: counted, not published. */
        NOT_RELEVANT,
        /** Extracted only (dry run): nothing published, nothing remembered. */
        EXTRACTED
    }
}
