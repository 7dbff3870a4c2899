package io.lodestone.scoring.model;

import io.lodestone.events.Contributor;
import io.lodestone.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one event does to one element: signed pressure points at publication, halving every
 * {@code halfLife}. Remembered per element, keyed by {@code eventId}, so a story published
 * again (with more corroborations) replaces itself instead of counting twice.
 *
 * @param eventId        the event's id
 * @param title          its title
 * @param url            its link, or null
 * @param eventType      its type
 * @param publishedAt    its event time: decay starts here
 * @param points         signed pressure at publication (negative for easing events)
 * @param halfLife       how long until the pressure has halved
 * @param reach          whether the event named the element or only a group containing it
 * @param corroborations how many sources reported the story when this impact was computed
 * @param evidence       the sentence that best shows why, or null
 * @param language       the language the event was reported in (BCP 47), or null when not known
 * @param model          the {@link ModelVersion} that computed {@code points}; null for impacts stored
 *                       before versions were recorded
 */
public record Impact(String eventId, String title, String url, EventType eventType, Instant publishedAt,
                     double points, Duration halfLife, Reach reach, int corroborations, String evidence,
                     String language, String model) {

    public Impact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(reach, "reach");
    }

    /**
     * Pressure left at {@code at}. An event dated after {@code at} counts in full rather than not
     * at all (see {@link EventTimes} for how far ahead a date may be). Saturating: any two
     * instants give a finite answer, never an overflow.
     */
    public double pressureAt(Instant at) {
        double ageSeconds = Math.max(0, EventTimes.secondsBetween(publishedAt, at));
        return points * Math.pow(0.5, ageSeconds / EventTimes.seconds(halfLife));
    }

    /** Whether this impact is at least one half-life old. */
    boolean isOlderThanHalfLife(Instant at) {
        return EventTimes.secondsBetween(publishedAt, at) >= EventTimes.seconds(halfLife);
    }

    /** The same impact counted as published at {@code at}. */
    Impact datedAt(Instant at) {
        return new Impact(eventId, title, url, eventType, at, points, halfLife, reach, corroborations, evidence, language,
                model);
    }

    Contributor asContributor(double contribution) {
        return new Contributor(eventId, title, url, eventType, publishedAt, contribution, evidence, language);
    }
}
