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
 */
public record Contributor(String eventId, String title, String url, EventType eventType,
                          Instant publishedAt, double contribution, String evidence) {
}
