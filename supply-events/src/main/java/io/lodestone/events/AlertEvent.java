package io.lodestone.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change in an alert's lifecycle, published on {@code alerts.v1}. The payload names its own
 * type in {@code type}, as the {@code ce_type} header does, so a reader of the JSON alone can
 * tell a firing from a resolution.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(AlertFired.class), @JsonSubTypes.Type(AlertResolved.class)})
public sealed interface AlertEvent permits AlertFired, AlertResolved {

    String alertId();

    String subscriptionId();

    String element();
}
