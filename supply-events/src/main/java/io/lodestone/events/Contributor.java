package io.lodestone.events;

import java.time.Instant;

/**
 * One event behind an element's risk score, so that every level and every alert can say why.
 *
 * @param eventId      the {@link SupplyEventDetected#eventId()} of the event
 * @param title        its title
 * @param url          its link, when it has one
 * @param eventType    its type
 * @param publishedAt  its event time
 * @param contribution points it adds to the score now (negative for easing events), after decay
 * @param evidence     the sentence that best shows why, or null
 * @param language     BCP 47 tag of the language the event was reported in ({@code en}, {@code zh-Hans}),
 *                     or null in records of revision 1 (added in revision 2)
 */
public record Contributor(String eventId, String title, String url, EventType eventType,
                          Instant publishedAt, double contribution, String evidence, String language) {

    /** Bounded as the event it stands for ({@link SupplyEventDetected}). */
    public Contributor {
        Bounds.line("contributor eventId", eventId, Bounds.ID);
        Bounds.text("contributor title", title, Bounds.TEXT);
        Bounds.line("contributor url", url, Bounds.LINK);
        Bounds.text("contributor evidence", evidence, Bounds.TEXT);
        Bounds.line("contributor language", language, Bounds.LANGUAGE);
    }

    /** A contributor whose language is not known (as in records of revision 1). */
    public Contributor(String eventId, String title, String url, EventType eventType,
                       Instant publishedAt, double contribution, String evidence) {
        this(eventId, title, url, eventType, publishedAt, contribution, evidence, null);
    }
}
