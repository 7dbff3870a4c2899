package io.lodestone.ingest.extract.classification;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;

/**
 * What the event-type cues decided.
 *
 * @param type      the type with the most weighted votes
 * @param direction the direction its cues voted for, else the type's usual direction
 * @param top       the winning type's score
 * @param runnerUp  the best score of any other type
 * @param evidence  the hit that counted most for the winning type, or null when no cue matched
 * @param strongest that hit's vote: how strongly the single best cue says an event happened
 */
public record Classification(EventType type, Direction direction, double top, double runnerUp, Hit evidence,
                      double strongest) {

    /** Whether the best cue stands in the title and votes at least {@code vote}: the headline reports the event. */
    public boolean inTitleAtLeast(double vote) {
        return evidence != null && evidence.sentence().rank() == 0 && strongest >= vote;
    }
}
