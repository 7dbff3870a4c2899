package io.lodestone.alert.lifecycle;

import io.lodestone.events.Contributor;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert of one subscription for one element, from firing to resolution.
 *
 * @param level          the element's level at the latest risk change seen
 * @param score          the score at the latest risk change seen
 * @param previousLevel  the level before the latest risk change
 * @param previousScore  the score before the latest risk change
 * @param fromLevel      for "any increase" triggers: the level it rose from
 * @param peakLevel      the highest level seen while firing
 * @param evidence       the contributing events of the latest risk change
 * @param firedAt        event time of the change that fired it
 * @param resolvedAt     event time of the change that resolved it, or null while firing
 * @param transitionAt   when the record behind the latest fire, escalation or resolution reached Kafka
 * @param silenced       whether a silence muted the latest transition
 * @param lastNotifiedAt when a notification about it last went out, or null if none has
 */
public record Alert(UUID id, UUID subscriptionId, String element, AlertState state, RiskLevel level, double score,
                    RiskLevel previousLevel, Double previousScore, RiskLevel fromLevel, RiskLevel peakLevel,
                    List<Contributor> evidence, Instant firedAt, Instant resolvedAt, Instant transitionAt,
                    boolean silenced, Instant lastNotifiedAt) {

    public Alert {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean isFiring() {
        return state == AlertState.FIRING;
    }
}
