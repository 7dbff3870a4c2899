package io.lodestone.scoring.model;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tuned constants of the model, in one place. They are code, not configuration, on purpose:
 * the live service and the backtest must score with the same numbers, and a change to them is
 * a change to the model that the backtest tests must re-approve. The README explains each value.
 *
 * @param rules              weight and half-life per event type
 * @param severityPoints     pressure points of severity 1..5 (index 0 is severity 1)
 * @param saturation         pressure at which 63% of the headroom above the baseline is used
 * @param groupReach         share of an event's pressure that reaches elements only through a named group
 * @param groupPressureCap   most pressure, in either direction, that group-only mentions can add up to
 * @param easingFloor        most of the baseline that easing events can take away (0.25 = a quarter)
 * @param corroborationGain  extra weight per doubling of the number of corroborating sources
 * @param corroborationCap   corroborations beyond this count add nothing more
 * @param hysteresis         points a score must fall below a level's lower bound before the level drops
 * @param negligible         contributions smaller than this (points) are forgotten once at least one half-life old
 * @param maxImpacts         most events remembered per element; the weakest are forgotten first
 * @param topContributors    how many contributors a change names
 */
public record ModelParameters(
        Map<EventType, EventRule> rules,
        List<Double> severityPoints,
        double saturation,
        Map<ElementGroup, Double> groupReach,
        double groupPressureCap,
        double easingFloor,
        double corroborationGain,
        int corroborationCap,
        double hysteresis,
        double negligible,
        int maxImpacts,
        int topContributors) {

    /** The parameters the service and the backtest use; the README documents why each value. */
    public static final ModelParameters DEFAULT = new ModelParameters(
            defaultRules(),
            List.of(5.0, 10.0, 17.0, 26.0, 38.0),
            40.0,
            Map.of(ElementGroup.REE, 0.30,
                    ElementGroup.LREE, 0.45, ElementGroup.HREE, 0.45,
                    ElementGroup.NDFEB_MAGNET, 0.50, ElementGroup.SMCO_MAGNET, 0.50),
            20.0,
            0.25,
            0.15,
            16,
            5.0,
            0.05,
            50,
            5);

    public ModelParameters {
        rules = Map.copyOf(rules);
        severityPoints = List.copyOf(severityPoints);
        groupReach = Map.copyOf(groupReach);
        Objects.requireNonNull(rules.get(EventType.EXPORT_RESTRICTION), "a rule for every event type");
        if (severityPoints.size() != 5) {
            throw new IllegalArgumentException("severityPoints needs five values, one per severity");
        }
        if (saturation <= 0 || groupPressureCap <= 0) {
            throw new IllegalArgumentException("saturation and groupPressureCap must be positive");
        }
    }

    private static Map<EventType, EventRule> defaultRules() {
        Map<EventType, EventRule> rules = new EnumMap<>(EventType.class);
        // A control regime stays in force until lifted; buyers adapt over many months. Its lifting must
        // offset it, so the same half-life.
        rules.put(EventType.EXPORT_RESTRICTION, EventRule.of(1.00, 270));
        rules.put(EventType.EXPORT_RESTRICTION_EASED, EventRule.of(0.90, 270));
        rules.put(EventType.SANCTION_OR_TARIFF, EventRule.of(0.70, 120));
        // Strikes, floods and outages are usually over in weeks.
        rules.put(EventType.PRODUCTION_DISRUPTION, EventRule.of(0.80, 14));
        rules.put(EventType.PRODUCTION_QUOTA, EventRule.of(0.50, 90));
        // New capacity takes years to matter and is announced long before: weak but lasting.
        rules.put(EventType.NEW_SUPPLY, EventRule.of(0.50, 180));
        rules.put(EventType.PRICE_MOVE, EventRule.of(0.50, 10));
        rules.put(EventType.POLICY_SUPPORT, EventRule.of(0.30, 270));
        rules.put(EventType.TECHNOLOGY_SUBSTITUTION, EventRule.of(0.30, 365));
        rules.put(EventType.DEMAND_SHIFT, EventRule.of(0.40, 60));
        rules.put(EventType.NOT_RELEVANT, EventRule.of(0.00, 1));
        return rules;
    }

    public EventRule rule(EventType type) {
        return rules.get(type);
    }

    /** Pressure points of a severity from 1 to 5. */
    public double points(int severity) {
        return severityPoints.get(severity - 1);
    }

    /** The reach of a group, 0 for a group without a configured reach. */
    public double reach(ElementGroup group) {
        return groupReach.getOrDefault(group, 0.0);
    }

    /** 1 for one source, rising slowly with each doubling of sources, up to the cap. */
    public double corroborationFactor(int corroborations) {
        int counted = Math.max(1, Math.min(corroborations, corroborationCap));
        return 1 + corroborationGain * (Math.log(counted) / Math.log(2));
    }
}
