package io.lodestone.events;

/**
 * What kind of supply event an item reports. The usual direction for a Western buyer is a hint
 * for the extractor, not a rule: a price fall is a {@code PRICE_MOVE} that eases.
 */
public enum EventType {
    /** Export ban, licensing requirement, control list, extraterritorial rule, choking enforcement. */
    EXPORT_RESTRICTION(Direction.TIGHTENING),
    /** Licences granted, controls suspended or lifted, a WTO ruling against a restriction. */
    EXPORT_RESTRICTION_EASED(Direction.EASING),
    /** Tariffs, sanctions, import bans by buyer countries. */
    SANCTION_OR_TARIFF(Direction.TIGHTENING),
    /** Mine or plant outage, strike, flood, conflict, regulatory shutdown, border closure. */
    PRODUCTION_DISRUPTION(Direction.TIGHTENING),
    /** Production or smelting quotas, consolidation, crackdowns on illegal mining. */
    PRODUCTION_QUOTA(Direction.NEUTRAL),
    /** New mine, separation plant, magnet plant, offtake, financing, recycling capacity. */
    NEW_SUPPLY(Direction.EASING),
    /** A notable price rise or fall. */
    PRICE_MOVE(Direction.NEUTRAL),
    /** Subsidies, stockpiles, strategic lists, laws such as the EU Critical Raw Materials Act. */
    POLICY_SUPPORT(Direction.EASING),
    /** Magnets or motors that use less or none of an element. */
    TECHNOLOGY_SUBSTITUTION(Direction.EASING),
    /** Demand rising or falling sharply (EV, wind, defence). */
    DEMAND_SHIFT(Direction.NEUTRAL),
    /** Mentions an element or "rare" but is not about supply. Never published. */
    NOT_RELEVANT(Direction.NEUTRAL);

    private final Direction usualDirection;

    EventType(Direction usualDirection) {
        this.usualDirection = usualDirection;
    }

    /** The direction this kind of event usually has for a buyer; NEUTRAL where it depends. */
    public Direction usualDirection() {
        return usualDirection;
    }
}
