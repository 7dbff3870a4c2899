package io.lodestone.scoring.api;

import io.lodestone.events.RiskLevel;
import io.lodestone.scoring.model.Trend;
import java.time.Instant;

/**
 * One element in the list of all elements.
 *
 * @param element    symbol
 * @param name       English name
 * @param score      0 to 100, one decimal
 * @param level      level after hysteresis
 * @param baseline   structural part of the score
 * @param trend      direction over the last seven days
 * @param trendDelta score now minus score seven days earlier
 * @param asOf       when the score was last evaluated, or null if no event has reached the element
 */
public record RiskSummary(String element, String name, double score, RiskLevel level, double baseline,
                          Trend trend, double trendDelta, Instant asOf) {
}
