package io.lodestone.alert.lifecycle;

import io.lodestone.alert.subscription.Trigger;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;

/**
 * The firing rule. Levels are taken as the scoring service publishes them, hysteresis included,
 * so alerts on levels do not flap. Score thresholds get a small hysteresis of their own: an alert
 * on {@code minScore} resolves only once the score falls {@code scoreHysteresis} points below it.
 * A rise in level is "any increase" until the level falls back to where it rose from. An
 * element's first change rises from its baseline: the scoring service names it as the previous
 * level, and a change that names none (an older producer) is read as coming from its baseline.
 */
final class AlertRule {

    private AlertRule() {
    }

    /**
     * @param firing the subscription's firing alert for the element, or null when none is
     */
    static Transition decide(Trigger trigger, Alert firing, ElementRiskChanged risk, double scoreHysteresis) {
        boolean active = isActive(trigger, firing, risk, scoreHysteresis);
        if (firing == null) {
            return active ? Transition.FIRE : Transition.NONE;
        }
        if (!active) {
            return Transition.RESOLVE;
        }
        return risk.level().compareTo(firing.peakLevel()) > 0 ? Transition.ESCALATE : Transition.UPDATE;
    }

    /** The level the change moved from: the one published before it, else its baseline's. */
    static RiskLevel previousLevel(ElementRiskChanged risk) {
        return risk.previousLevel() != null ? risk.previousLevel() : RiskLevel.of(risk.baseline());
    }

    /** The score the change moved from: the one published before it, else its baseline. */
    static double previousScore(ElementRiskChanged risk) {
        return risk.previousScore() != null ? risk.previousScore() : risk.baseline();
    }

    private static boolean isActive(Trigger trigger, Alert firing, ElementRiskChanged risk, double hysteresis) {
        if (trigger.minLevel() != null) {
            return risk.level().isAtLeast(trigger.minLevel());
        }
        if (trigger.minScore() != null) {
            double threshold = firing == null ? trigger.minScore() : trigger.minScore() - hysteresis;
            return risk.score() >= threshold;
        }
        if (firing == null) {
            return risk.level().compareTo(previousLevel(risk)) > 0;
        }
        RiskLevel from = firing.fromLevel() == null ? RiskLevel.LOW : firing.fromLevel();
        return risk.level().compareTo(from) > 0;
    }
}
