package io.lodestone.alert.subscription;

import io.lodestone.events.RiskLevel;

/**
 * When a subscription's alert for an element fires: exactly one of a minimum level, a minimum
 * score, or any rise in level.
 *
 * @param minLevel    fire while the element's level is at least this
 * @param minScore    fire while the score is at least this (0–100)
 * @param anyIncrease fire when the level rises, until it falls back to where it rose from
 */
public record Trigger(RiskLevel minLevel, Double minScore, Boolean anyIncrease) {

    public boolean isAnyIncrease() {
        return Boolean.TRUE.equals(anyIncrease);
    }

    /** The trigger in words, for notifications: "level HIGH or above". */
    public String describe() {
        if (minLevel != null) {
            return "level " + minLevel + " or above";
        }
        if (minScore != null) {
            return "score " + minScore + " or above";
        }
        return "any rise in level";
    }
}
