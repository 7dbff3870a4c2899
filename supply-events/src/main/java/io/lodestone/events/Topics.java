package io.lodestone.events;

import java.util.List;

/**
 * The topic catalogue: the public contract that integrations subscribe to. Each topic has exactly
 * one writing service.
 */
public final class Topics {

    /** Written by news-ingest-service, keyed by event id. */
    public static final Topic<String, SupplyEventDetected> SUPPLY_EVENTS =
            new Topic<>("supply.events.v1", String.class, SupplyEventDetected.class, false);

    /** Written by risk-scoring-service, keyed by element symbol; compacted: latest record = current risk. */
    public static final Topic<String, ElementRiskChanged> ELEMENT_RISK =
            new Topic<>("element.risk.v1", String.class, ElementRiskChanged.class, true);

    /** Written by alert-service, keyed by alert id: {@link AlertFired} and {@link AlertResolved}. */
    public static final Topic<String, AlertEvent> ALERTS =
            new Topic<>("alerts.v1", String.class, AlertEvent.class, false);

    private Topics() {
    }

    public static List<Topic<String, ?>> all() {
        return List.of(SUPPLY_EVENTS, ELEMENT_RISK, ALERTS);
    }
}
