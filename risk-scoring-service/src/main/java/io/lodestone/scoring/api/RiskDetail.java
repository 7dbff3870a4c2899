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
 * @param model        the scoring model now running, and how many of the element's stored impacts an
 *                     earlier model computed
 */
public record RiskDetail(RiskSummary summary, Baseline baseline, List<Contributor> contributors, Model model) {

    /**
     * @param version                the running model's version (as in {@code element.risk.v1})
     * @param impactsOfOtherVersions stored impacts whose points another (or an unrecorded) model
     *                               version computed: above 0, the score mixes two models until the
     *                               events are replayed (README, "Upgrading the model")
     */
    public record Model(String version, int impactsOfOtherVersions) {
    }
}
