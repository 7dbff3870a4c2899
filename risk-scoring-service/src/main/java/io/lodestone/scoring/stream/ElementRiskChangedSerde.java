package io.lodestone.scoring.stream;

import io.lodestone.events.ElementRiskChanged;

/** Serde of {@code element.risk.v1} values, named in application.yml for the output binding. */
public class ElementRiskChangedSerde extends JsonSerde<ElementRiskChanged> {

    public ElementRiskChangedSerde() {
        super(ElementRiskChanged.class);
    }
}
