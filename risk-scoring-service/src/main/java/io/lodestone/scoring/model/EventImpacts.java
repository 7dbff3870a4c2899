package io.lodestone.scoring.model;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.events.EventType;
import io.lodestone.events.Evidence;
import io.lodestone.events.SupplyEventDetected;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one supply event into its impact on each element it reaches. Pressure at publication is
 * {@code sign × typeWeight × severityPoints × confidence × corroborationFactor × reach}: full for
 * elements the event names, a fraction for elements reached only through a group it names.
 * Neutral and irrelevant events reach nothing; symbols outside the catalogue are ignored.
 */
public final class EventImpacts {

    private final ModelParameters parameters;
    private final String modelVersion;

    /** @param modelVersion the {@link ModelVersion} the impacts are stamped with */
    public EventImpacts(ModelParameters parameters, String modelVersion) {
        this.parameters = parameters;
        this.modelVersion = modelVersion;
    }

    /** The impacts of the event, keyed by element symbol, in a stable order. */
    public Map<String, Impact> of(SupplyEventDetected event) {
        Map<String, Impact> impacts = new LinkedHashMap<>();
        double sign = sign(event.direction());
        EventRule rule = parameters.rule(event.eventType());
        if (sign == 0 || event.eventType() == EventType.NOT_RELEVANT || rule.weight() == 0) {
            return impacts;
        }
        double points = sign * rule.weight() * parameters.points(event.severity()) * event.confidence()
                * parameters.corroborationFactor(event.corroborations());
        Map<String, Integer> firstSupporting = firstSupporting(event);
        for (String symbol : event.elements()) {
            if (Elements.isTracked(symbol)) {
                impacts.put(symbol, impact(event, symbol, points, rule, Reach.NAMED, firstSupporting));
            }
        }
        Map<String, Double> groupReach = new LinkedHashMap<>();
        for (ElementGroup group : event.groups()) {
            for (String symbol : Elements.membersOf(group)) {
                groupReach.merge(symbol, parameters.reach(group), Math::max);
            }
        }
        groupReach.forEach((symbol, reach) -> {
            if (!impacts.containsKey(symbol) && reach > 0) {
                impacts.put(symbol, impact(event, symbol, points * reach, rule, Reach.GROUP, firstSupporting));
            }
        });
        return impacts;
    }

    /** Longest title and evidence kept per impact: enough to explain, small enough for a lean state store. */
    static final int MAX_TEXT = 300;

    private Impact impact(SupplyEventDetected event, String symbol, double points, EventRule rule, Reach reach,
                          Map<String, Integer> firstSupporting) {
        return new Impact(event.eventId(), clip(event.title()), event.url(), event.eventType(), event.publishedAt(),
                points, rule.halfLife(), reach, event.corroborations(), clip(evidenceFor(event, symbol, firstSupporting)),
                event.language(), modelVersion);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static double sign(Direction direction) {
        return switch (direction) {
            case TIGHTENING -> 1;
            case EASING -> -1;
            case NEUTRAL -> 0;
        };
    }

    /**
     * The index of the first quote supporting each name (element or group), read once per event: an
     * event may hold 256 quotes of 256 names each, and looking through them for every element it
     * reaches, and for each of that element's groups, took seconds for one record.
     */
    private static Map<String, Integer> firstSupporting(SupplyEventDetected event) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < event.evidence().size(); i++) {
            for (String supported : event.evidence().get(i).supports()) {
                first.putIfAbsent(supported, i);
            }
        }
        return first;
    }

    /** The quote that supports this element, else the earliest that supports a group it belongs to, else the first. */
    private static String evidenceFor(SupplyEventDetected event, String symbol, Map<String, Integer> firstSupporting) {
        Integer named = firstSupporting.get(symbol);
        if (named != null) {
            return event.evidence().get(named).quote();
        }
        int earliest = Integer.MAX_VALUE;
        for (ElementGroup group : ElementGroup.values()) {
            Integer index = firstSupporting.get(group.name());
            if (index != null && index < earliest && Elements.membersOf(group).contains(symbol)) {
                earliest = index;
            }
        }
        if (earliest != Integer.MAX_VALUE) {
            return event.evidence().get(earliest).quote();
        }
        return event.evidence().isEmpty() ? null : event.evidence().get(0).quote();
    }
}
