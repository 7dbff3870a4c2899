package io.lodestone.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription's condition, true since {@code firedAt}, became false again.
 *
 * @param schemaVersion  version of this payload's schema; {@value #SCHEMA_VERSION} for v1
 * @param alertId        the id of the {@link AlertFired} this resolves
 * @param subscriptionId the subscription
 * @param element        the element symbol
 * @param level          the element's level when the alert resolved
 * @param score          the element's score when the alert resolved
 * @param firedAt        when the alert fired
 * @param resolvedAt     when it resolved (the event time of the risk change)
 * @param silenced       whether a silence covered the alert when this was decided: nobody was
 *                       notified of it (revision 2; null in records of revision 1)
 */
public record AlertResolved(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        String element,
        RiskLevel level,
        double score,
        Instant firedAt,
        Instant resolvedAt,
        Boolean silenced) implements AlertEvent {

    /** Revision 2 added {@code silenced}. */
    public static final int SCHEMA_VERSION = 2;

    public AlertResolved {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** As revision 1 wrote it, without {@code silenced}. */
    public AlertResolved(int schemaVersion, String alertId, String subscriptionId, String element, RiskLevel level,
            double score, Instant firedAt, Instant resolvedAt) {
        this(schemaVersion, alertId, subscriptionId, element, level, score, firedAt, resolvedAt, null);
    }
}
