package io.lodestone.events;

import java.util.Arrays;

/**
 * Every payload type of the contract with its CloudEvents type and its JSON Schema. One place
 * answers "what is this record called on the wire, and where is its schema".
 */
public enum MessageType {
    SUPPLY_EVENT_DETECTED(SupplyEventDetected.class, "io.lodestone.supply.event.detected.v1",
            "supply-event-detected.v1.schema.json"),
    ELEMENT_RISK_CHANGED(ElementRiskChanged.class, "io.lodestone.element.risk.changed.v1",
            "element-risk-changed.v1.schema.json"),
    ALERT_FIRED(AlertFired.class, "io.lodestone.alert.fired.v1", "alert-fired.v1.schema.json"),
    ALERT_RESOLVED(AlertResolved.class, "io.lodestone.alert.resolved.v1", "alert-resolved.v1.schema.json");

    /** Folder of the JSON Schemas inside the supply-events jar. */
    public static final String SCHEMA_FOLDER = "io/lodestone/events/schemas/";

    private final Class<?> payloadType;
    private final String cloudEventType;
    private final String schemaFile;

    MessageType(Class<?> payloadType, String cloudEventType, String schemaFile) {
        this.payloadType = payloadType;
        this.cloudEventType = cloudEventType;
        this.schemaFile = schemaFile;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** The {@code ce_type} header value for this payload. */
    public String cloudEventType() {
        return cloudEventType;
    }

    /** Class-path location of the JSON Schema that documents this payload. */
    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFile;
    }

    public static MessageType of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not a Lodestone message"));
    }

    public static MessageType ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values())
                .filter(type -> type.cloudEventType.equals(cloudEventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ce_type " + cloudEventType));
    }
}
