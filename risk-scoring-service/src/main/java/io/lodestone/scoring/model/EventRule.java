package io.lodestone.scoring.model;

import java.time.Duration;

/**
 * How much one kind of event weighs and how long it lasts.
 *
 * @param weight   multiplier of the severity points, 0 to 1
 * @param halfLife time after which the event's pressure has halved
 */
public record EventRule(double weight, Duration halfLife) {

    public EventRule {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be 0..1, was " + weight);
        }
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
        }
    }

    static EventRule of(double weight, int halfLifeDays) {
        return new EventRule(weight, Duration.ofDays(halfLifeDays));
    }
}
