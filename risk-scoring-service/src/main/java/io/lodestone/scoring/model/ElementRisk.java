package io.lodestone.scoring.model;

import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the service remembers about one element: the events still pressing on it, the score and
 * level of its last evaluation, and what was last published (the reference for hysteresis and
 * for the minimum publication step).
 *
 * @param element        the element symbol
 * @param impacts        events still pressing on it, oldest first
 * @param score          score at {@code asOf}, unrounded
 * @param level          level at {@code asOf}, after hysteresis
 * @param asOf           when it was last evaluated
 * @param publishedScore score of the last published change, or null before the first
 * @param publishedLevel level of the last published change, or null before the first
 */
public record ElementRisk(String element, List<Impact> impacts, double score, RiskLevel level, Instant asOf,
                          Double publishedScore, RiskLevel publishedLevel) {

    static final Comparator<Impact> OLDEST_FIRST =
            Comparator.comparing(Impact::publishedAt).thenComparing(Impact::eventId);

    public ElementRisk {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(level, "level");
        impacts = impacts == null ? List.of() : impacts.stream().sorted(OLDEST_FIRST).toList();
    }

    ElementRisk withEvaluation(List<Impact> newImpacts, double newScore, RiskLevel newLevel, Instant at) {
        return new ElementRisk(element, newImpacts, newScore, newLevel, at, publishedScore, publishedLevel);
    }

    ElementRisk published() {
        return new ElementRisk(element, impacts, score, level, asOf, score, level);
    }
}
