package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;

/**
 * An element's risk change was acted on and is now its current risk: published inside the
 * evaluation's transaction, so listeners that show it to people should wait for the commit.
 */
public record RiskRecorded(ElementRiskChanged risk) {
}
