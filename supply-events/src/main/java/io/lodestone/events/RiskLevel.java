package io.lodestone.events;

/**
 * Risk levels over the 0–100 score, each covering a band of 20 points:
 * LOW [0,20), GUARDED [20,40), ELEVATED [40,60), HIGH [60,80), SEVERE [80,100].
 */
public enum RiskLevel {
    LOW(0),
    GUARDED(20),
    ELEVATED(40),
    HIGH(60),
    SEVERE(80);

    private final double lowerBound;

    RiskLevel(double lowerBound) {
        this.lowerBound = lowerBound;
    }

    /** The smallest score that belongs to this level. */
    public double lowerBound() {
        return lowerBound;
    }

    /** The level whose band contains the score, without hysteresis. */
    public static RiskLevel of(double score) {
        RiskLevel result = LOW;
        for (RiskLevel level : values()) {
            if (score >= level.lowerBound) {
                result = level;
            }
        }
        return result;
    }

    public boolean isAtLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }
}
