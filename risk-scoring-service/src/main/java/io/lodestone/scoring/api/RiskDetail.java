package io.lodestone.scoring.api;

import io.lodestone.events.Contributor;
import io.lodestone.scoring.model.Baseline;
import java.util.List;

/**
 * One element with everything behind its score.
 *
 * @param summary      the same figures as in the list
 * @param baseline     the inputs of the structural baseline and the data version they come from
 * @param contributors the events behind the score, largest first, with the evidence sentence of each
 */
public record RiskDetail(RiskSummary summary, Baseline baseline, List<Contributor> contributors) {
}
