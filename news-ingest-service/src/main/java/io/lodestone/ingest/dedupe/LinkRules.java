package io.lodestone.ingest.dedupe;

import java.time.Duration;
import java.util.Objects;

/**
 * When a report joins a story. A report and a story are never linked when both name specific
 * elements and share none (a group such as "rare earths" stands for its members), both
 * headlines name elements and share none, each is about an announcement (the one it cites most)
 * that the other does not cite at all, both headlines name years (or calendar days, or quarters
 * or half-years) and share none, one tightens supply and the other eases it (a halt and the
 * restart that ends it are two events, and a restart must not corroborate the halt), or both are
 * dated more than
 * {@code window} apart. Otherwise their
 * score is the TF-IDF cosine of their terms, plus {@code figureWeight} for each shared figure (at
 * most two), plus {@code elementWeight} when their element sets are equal (half of it when they
 * overlap), plus {@code typeWeight} when the event types agree, plus {@code actorWeight} for each
 * country or company both name (at most two) when one is in English and the other in Chinese and
 * both are dated (their words cannot overlap, and the dates keep such a link to one week), minus
 * {@code timePenalty} times their distance in windows (half a window when either is undated); at
 * {@code threshold} or above they are one story.
 * <p>
 * A report the extractor found not relevant (a long article it read as commentary, a rewrite
 * padded with background) may still retell a story it knows: at {@code retellingThreshold} or
 * above it joins that story as one more report, so its outlet counts as a corroboration. It never
 * starts a story, merges none, and adds no elements to the story it joins.
 *
 * @param window                   how far apart in publication time two reports of one story can be
 * @param maxStories               how many stories are remembered at most; past it, the source holding the most
 *                                 gives up its least recently active
 * @param threshold                the score at which a report joins a story
 * @param retellingThreshold       the score at which a report the extractor found not relevant joins a story
 * @param figureWeight             per shared figure, at most two counted
 * @param elementWeight            for equal specific element sets
 * @param typeWeight               for the same event type
 * @param actorWeight              per shared country or company of dated reports in two languages, at most two counted
 * @param timePenalty              per window of distance
 * @param queryTerms               how many of a report's most distinctive terms look for candidate stories
 * @param maxCandidates            how many candidate stories are scored per report
 * @param maxPostings              terms in more stories than this are too common to look stories up by
 */
public record LinkRules(Duration window, int maxStories, double threshold, double retellingThreshold,
                        double figureWeight, double elementWeight,
                        double typeWeight, double actorWeight, double timePenalty, int queryTerms,
                        int maxCandidates, int maxPostings) {

    /**
     * The default number of stories remembered: a story takes about 5–7 KB of heap with its share of
     * the index and its serialized copy in the store (measured by {@code StoryStageBenchmark} on
     * dev-set stories and on 2.5 KB items whose words are shared with other stories), so 5,000
     * take about 25–35 MB, which a 256 MB heap holds beside everything else; a week of real
     * reporting on the tracked elements is far fewer.
     */
    public static final int DEFAULT_MAX_STORIES = 5_000;

    public LinkRules {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (maxStories < 1 || queryTerms < 1 || maxCandidates < 1 || maxPostings < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The tuned weights (tuning split of the real-reporting set), with the given window and cap. */
    public static LinkRules standard(Duration window, int maxStories) {
        return new LinkRules(window, maxStories, 0.40, 0.60, 0.20, 0.10, 0.05, 0.15, 0.10, 40, 64, 2_000);
    }

    public LinkRules withThreshold(double value) {
        return new LinkRules(window, maxStories, value, retellingThreshold, figureWeight, elementWeight, typeWeight, actorWeight, timePenalty,
                queryTerms, maxCandidates, maxPostings);
    }
}
