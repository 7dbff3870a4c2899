package io.lodestone.ingest.extract.relevance;

import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.classification.Classification;
import io.lodestone.ingest.extract.classification.EventClassifier;
import io.lodestone.ingest.extract.classification.Hit;
import java.util.List;

/**
 * Decides whether an item is about mineral supply at all. It must name an element, a group or a
 * class of minerals a policy targets ("strategic minerals"), and the words around it must speak of
 * supply (supply-context.tsv, plus the event-type score) more than of laboratories, hospitals,
 * coins, sport, software, share prices or encyclopedias (noise.tsv): relevant when the supply
 * evidence reaches {@value #MINIMUM_SUPPLY} and the noise is under {@value #NOISE_RATIO} of it
 * (under all of it when the headline itself reports a supply event in strong words).
 * <p>
 * Supply words are not news: outlooks, rankings and trade statistics are full of them and report
 * no action. So the single strongest event cue must also reach {@value EventClassifier#MINIMUM_EVENT} (a weight-3
 * cue in the lead, or a weight-2 cue in the title), or a weaker one when many votes of the winning
 * type agree ({@link EventClassifier#eventEvidence}), not only their sum. An explainer (a title such
 * as "What are rare earths?", "Why China …", 什么是…, or a body that teaches: "this article
 * explores", 本文, exercises, a high share of questions) is background reading, never relevant.
 *
 * @param supply the supply evidence
 * @param noise  the noise evidence
 * @param strongestNoise the noise hit that counted most, for the evidence of a rejection
 */
public record Relevance(boolean relevant, double supply, double noise, Hit strongestNoise) {

    public static final double MINIMUM_SUPPLY = 5.0;
    public static final double NOISE_RATIO = 0.6;
    /**
     * A headline that reports a supply event in strong words (a weight-3 cue: a mine halted,
     * exports banned) is news however much share-price talk surrounds it ("… halts lithium mine,
     * miners' shares jump"): its noise may then reach the supply evidence itself. A price move in
     * the headline gets it only when the headline names the metal that moved ("LME镍又涨80%",
     * "Lithium prices jump 12%"), since share prices are what chatter is about.
     */
    public static final double HEADLINE_EVENT = 7.5;
    public static final double HEADLINE_NOISE_RATIO = 1.0;

    public static Relevance judge(boolean namesMineral, boolean explainer, List<Hit> supplyHits, List<Hit> noiseHits,
                           Classification classification, boolean metalMovesInTitle) {
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
        boolean headlineEvent = (classification.type() != EventType.PRICE_MOVE || metalMovesInTitle)
                && classification.inTitleAtLeast(HEADLINE_EVENT);
        double noiseRatio = headlineEvent ? HEADLINE_NOISE_RATIO : NOISE_RATIO;
        boolean relevant = namesMineral && !explainer && supply >= MINIMUM_SUPPLY && noise < noiseRatio * supply
                && EventClassifier.eventEvidence(classification.strongest(), classification.top());
        return new Relevance(relevant, supply, noise, strongest);
    }
}
