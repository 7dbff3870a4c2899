package io.lodestone.scoring.model;

/** Which way an element's score went over the trend window. */
public enum Trend {
    RISING,
    STEADY,
    FALLING;

    /** Moves smaller than this many points are steady. */
    static final double STEADY_BAND = 2.0;

    static Trend of(double delta) {
        if (delta >= STEADY_BAND) {
            return RISING;
        }
        return delta <= -STEADY_BAND ? FALLING : STEADY;
    }
}
