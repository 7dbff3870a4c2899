package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.StoryDecision;

/**
 * What happened to one item.
 *
 * @param itemId      the item's id
 * @param status      what the pipeline did with it
 * @param event       the event as extracted, or for an item placed in a known story the story's
 *                    event as published; for NOT_RELEVANT items the extraction with type NOT_RELEVANT
 * @param duplicateOf the id of the earlier item whose story this is, or null
 */
public record ItemOutcome(String itemId, Status status, SupplyEventDetected event, String duplicateOf) {

    public enum Status {
        /** Extracted and durably handed to the story stage, which publishes what it makes of it. */
        ACCEPTED,
        /** A new story: its event was published. */
        PUBLISHED,
        /** Another outlet's report of a known story: the story was republished with more corroborations. */
        CORROBORATED,
        /** A further report of a known story by an outlet already counted: nothing published. */
        REPEATED,
        /** The same item again (same URL, or same source and id): nothing published. */
        DUPLICATE,
        /** Not about supply: counted, not published. */
        NOT_RELEVANT,
        /** Extracted only (dry run): nothing published, nothing remembered. */
        EXTRACTED
    }

    /** The outcome of an item the story stage has placed. */
    static ItemOutcome placed(String itemId, StoryDecision decision) {
        Status status = switch (decision.outcome()) {
            case NEW -> Status.PUBLISHED;
            case CORROBORATED -> Status.CORROBORATED;
            case REPEATED -> Status.REPEATED;
            case DUPLICATE -> Status.DUPLICATE;
            case UNPLACED -> Status.NOT_RELEVANT;
        };
        String duplicateOf = decision.outcome() == StoryDecision.Outcome.NEW ? null : decision.firstItemId();
        return new ItemOutcome(itemId, status, decision.event(), duplicateOf);
    }
}
