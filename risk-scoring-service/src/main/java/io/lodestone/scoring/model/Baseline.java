package io.lodestone.scoring.model;

/**
 * The structural part of an element's risk, from how concentrated its supply is.
 *
 * @param element          the element symbol
 * @param score            0 to {@link Baselines#MAX_BASELINE}
 * @param miningHhi        Herfindahl–Hirschman index of mining shares, 0 to 1
 * @param processingHhi    Herfindahl–Hirschman index of processing shares, 0 to 1
 * @param substitution     1 = no practical substitute, 0.5 = easily substituted
 * @param dataVersion      version of the data file the inputs come from
 */
public record Baseline(String element, double score, double miningHhi, double processingHhi,
                       double substitution, String dataVersion) {
}
