package io.lodestone.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An element's risk moved. Published on the compacted {@code element.risk.v1}, keyed by the
 * element symbol, so the latest record per key is the element's current risk.
 *
 * @param schemaVersion version of this payload's schema; {@value #SCHEMA_VERSION} for v1
 * @param element       the element symbol ({@code Dy})
 * @param score         the risk score now, 0 to 100
 * @param level         the level now, after hysteresis
 * @param previousScore the score last published; for an element's first record, its baseline (older
 *                      producers left it null)
 * @param previousLevel the level last published; for an element's first record, the level of its
 *                      baseline (older producers left it null: read it as {@code RiskLevel.of(baseline)})
 * @param baseline      the structural part of the score (supply concentration), 0 to 100
 * @param asOf          the event time this score is computed for; within the bounds of
 *                      {@link SupplyEventDetected#publishedAt()} (a later one would outrank every real
 *                      change after it, wherever the latest change per element is kept)
 * @param contributors  the events that contribute most, largest absolute contribution first
 * @param modelVersion  the version of the scoring model that computed the score (revision 2; null in
 *                      records of revision 1)
 */
public record ElementRiskChanged(
        int schemaVersion,
        String element,
        double score,
        RiskLevel level,
        Double previousScore,
        RiskLevel previousLevel,
        double baseline,
        Instant asOf,
        List<Contributor> contributors,
        String modelVersion) {

    /** Revision 2 added {@code modelVersion}, and {@code language} to the contributors. */
    public static final int SCHEMA_VERSION = 2;

    public ElementRiskChanged {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(asOf, "asOf");
        Bounds.line("element", element, Bounds.ID);
        Bounds.time("asOf", asOf);
        Bounds.text("modelVersion", modelVersion, Bounds.ID);
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be 0..100, was " + score);
        }
        contributors = SupplyEventDetected.copy(Bounds.list("contributors", contributors, Bounds.NAMES));
    }

    /** A change without a model version, as revision 1 wrote it. */
    public ElementRiskChanged(int schemaVersion, String element, double score, RiskLevel level, Double previousScore,
            RiskLevel previousLevel, double baseline, Instant asOf, List<Contributor> contributors) {
        this(schemaVersion, element, score, level, previousScore, previousLevel, baseline, asOf, contributors, null);
    }
}
