package io.lodestone.alert.bom;

/**
 * A quantity where sources disagree: the lowest, the typical and the highest value. Exact
 * quantities (an element content the buyer stated) have all three equal.
 */
public record Range(double min, double typical, double max) {

    public static final Range ZERO = exactly(0);

    public Range {
        if (!(min <= typical && typical <= max) || min < 0) {
            throw new IllegalArgumentException("need 0 <= min <= typical <= max, was " + min + ", " + typical + ", " + max);
        }
    }

    public static Range exactly(double value) {
        return new Range(value, value, value);
    }

    public Range plus(Range other) {
        return new Range(min + other.min, typical + other.typical, max + other.max);
    }

    public Range times(double factor) {
        return new Range(min * factor, typical * factor, max * factor);
    }

    /** Kilograms rounded to whole grams, the finest a buyer plans in: what the API and messages show. */
    public static double toGrams(double kg) {
        return Math.round(kg * 1000) / 1000.0;
    }

    public boolean isExact() {
        return min == max;
    }
}
