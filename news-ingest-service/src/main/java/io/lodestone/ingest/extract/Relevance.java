package io.lodestone.ingest.extract;

import java.util.List;

/**
 * Decides whether an item is about mineral supply at all. It must name an element or a group,
 * and the words around it must speak of supply (supply-context.tsv, plus the event-type
 * score) more than of laboratories, hospitals, coins, sport, software or encyclopedias
 * (noise.tsv): relevant when the supply evidence reaches {@value #MINIMUM_SUPPLY} and the noise is
 * under {@value #NOISE_RATIO} of it. A title that announces an explainer ("What are rare earths?",
 * "Explainer: …", explainer-titles.tsv) is background reading, not news, and is never relevant.
 *
 * @param supply the supply evidence
 * @param noise  the noise evidence
 * @param strongestNoise the noise hit that counted most, for the evidence of a rejection
 */
record Relevance(boolean relevant, double supply, double noise, Hit strongestNoise) {

    static final double MINIMUM_SUPPLY = 5.0;
    static final double NOISE_RATIO = 0.6;

    static Relevance judge(boolean namesMineral, boolean explainer, List<Hit> supplyHits, List<Hit> noiseHits,
                           Classification classification) {
        double supply = classification.top();
        for (Hit hit : supplyHits) {
            supply += hit.cue().weight() * hit.sentence().weight();
        }
        double noise = 0;
        Hit strongest = null;
        double strongestVote = 0;
        for (Hit hit : noiseHits) {
            double vote = hit.cue().weight() * hit.sentence().weight();
            noise += vote;
            if (vote > strongestVote) {
                strongestVote = vote;
                strongest = hit;
            }
        }
        boolean relevant = namesMineral && !explainer && supply >= MINIMUM_SUPPLY && noise < NOISE_RATIO * supply;
        return new Relevance(relevant, supply, noise, strongest);
    }
}
