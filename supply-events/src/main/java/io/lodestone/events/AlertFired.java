package io.lodestone.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subscription's condition became true for an element.
 *
 * @param schemaVersion  version of this payload's schema; {@value #SCHEMA_VERSION} for v1
 * @param alertId        stable id of the alert, shared by its {@link AlertResolved}
 * @param subscriptionId the subscription whose condition tripped
 * @param element        the element symbol
 * @param level          the element's level when the alert fired
 * @param score          the element's score when the alert fired
 * @param previousLevel  the level before the change that fired the alert, or null
 * @param firedAt        when the alert fired (the event time of the risk change)
 * @param evidence       the events behind the score, as the scoring service named them
 * @param silenced       whether a silence covered the alert when this was decided: nobody was
 *                       notified of it (revision 2; null in records of revision 1)
 */
public record AlertFired(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        String element,
        RiskLevel level,
        double score,
        RiskLevel previousLevel,
        Instant firedAt,
        List<Contributor> evidence,
        Boolean silenced) implements AlertEvent {

    /** Revision 2 added {@code silenced}, and {@code language} to the evidence. */
    public static final int SCHEMA_VERSION = 2;

    public AlertFired {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(level, "level");
        evidence = SupplyEventDetected.copy(evidence);
    }

    /** As revision 1 wrote it, without {@code silenced}. */
    public AlertFired(int schemaVersion, String alertId, String subscriptionId, String element, RiskLevel level,
            double score, RiskLevel previousLevel, Instant firedAt, List<Contributor> evidence) {
        this(schemaVersion, alertId, subscriptionId, element, level, score, previousLevel, firedAt, evidence, null);
    }
}
