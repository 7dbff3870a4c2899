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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotice(UUID alertId, String element, Change change, RiskLevel level, double score,
                          RiskLevel previousLevel, Double previousScore, Instant firedAt, Instant resolvedAt,
                          List<Contributor> evidence) {

    public enum Change {
        FIRED,
        ESCALATED,
        STILL_FIRING,
        RESOLVED
    }

    public AlertNotice {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
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
