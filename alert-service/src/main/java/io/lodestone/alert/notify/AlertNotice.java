package io.lodestone.alert.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.lodestone.events.Contributor;
import io.lodestone.events.Elements;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert inside a notification, as it stood when the notification was sealed.
 *
 * @param change        what happened to the alert that this notification reports
 * @param previousLevel the level before the change behind the alert
 * @param previousScore the score before the change, or null
 * @param evidence      the contributing events, largest first
 * @param exposure      what the element touches in the subscription's bill of materials, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotice(UUID alertId, String element, Change change, RiskLevel level, double score,
                          RiskLevel previousLevel, Double previousScore, Instant firedAt, Instant resolvedAt,
                          List<Contributor> evidence, BomExposure exposure) {

    public enum Change {
        FIRED,
        ESCALATED,
        STILL_FIRING,
        RESOLVED
    }

    public AlertNotice {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** An alert of a subscription without a bill of materials. */
    public AlertNotice(UUID alertId, String element, Change change, RiskLevel level, double score,
                       RiskLevel previousLevel, Double previousScore, Instant firedAt, Instant resolvedAt,
                       List<Contributor> evidence) {
        this(alertId, element, change, level, score, previousLevel, previousScore, firedAt, resolvedAt, evidence, null);
    }

    /** The same alert with what it touches in a bill of materials. */
    public AlertNotice withExposure(BomExposure exposure) {
        return new AlertNotice(alertId, element, change, level, score, previousLevel, previousScore, firedAt,
                resolvedAt, evidence, exposure);
    }

    /** The element's English name, or its symbol when the catalogue does not know it. */
    @JsonProperty("elementName")
    public String elementName() {
        return Elements.bySymbol(element).map(e -> e.name()).orElse(element);
    }

    /** Points the score moved with the change behind the alert, or null when unknown. */
    @JsonProperty("scoreChange")
    public Double scoreChange() {
        return previousScore == null ? null : score - previousScore;
    }
}
