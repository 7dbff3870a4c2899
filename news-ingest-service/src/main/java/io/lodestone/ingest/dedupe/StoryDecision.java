package io.lodestone.ingest.dedupe;

import io.lodestone.events.SupplyEventDetected;
import java.util.List;

/**
 * Where the story stage placed one candidate.
 *
 * @param outcome    what the candidate was to its story
 * @param storyId    the story's event id; null when {@link Outcome#UNPLACED}
 * @param firstItemId the id of the item that started the story (the candidate's own id when it did)
 * @param event      the story's event as it stands now (its first event with the outlets counted);
 *                   published to {@code supply.events.v1} when {@link #publishes()}
 * @param merged     ids of stories this candidate showed to be the same and that were folded into
 *                   {@code storyId}
 */
public record StoryDecision(Outcome outcome, String storyId, String firstItemId, SupplyEventDetected event,
                            List<String> merged) {

    public enum Outcome {
        /** The first report of a story: its own event is published. */
        NEW,
        /** Another outlet's report of a known story: the story's event is republished with one more corroboration. */
        CORROBORATED,
        /** A further report of a known story by an outlet already counted: nothing is published. */
        REPEATED,
        /** The very same item again (same canonical URL, or same source and id): nothing is published. */
        DUPLICATE,
        /**
         * A report the extractor found not relevant that retells no known story closely enough:
         * nothing is published or remembered (its event is the candidate's own, of type NOT_RELEVANT).
         */
        UNPLACED
    }

    public StoryDecision {
        merged = merged == null ? List.of() : List.copyOf(merged);
    }

    /** Whether the story's event is to be (re)published: a new story, or one more outlet. */
    public boolean publishes() {
        return outcome == Outcome.NEW || outcome == Outcome.CORROBORATED;
    }
}
