package io.lodestone.ingest.extract;

import java.util.Set;

/** Micro-averaged element precision, recall and F1: true and false positives and negatives summed over items. */
final class ElementCounts {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;

    void add(Set<String> predicted, Set<String> gold) {
        for (String symbol : predicted) {
            if (gold.contains(symbol)) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        for (String symbol : gold) {
            if (!predicted.contains(symbol)) {
                falseNegatives++;
            }
        }
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
