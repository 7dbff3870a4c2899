package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.Boms;
import io.lodestone.alert.lifecycle.ElementRiskRepository;
import io.lodestone.events.ElementRiskChanged;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A BOM's exposure joined with the current risk of each of its elements, for the API and the pages alike. */
@Component
class Exposures {

    private final Boms boms;
    private final ElementRiskRepository risks;

    Exposures(Boms boms, ElementRiskRepository risks) {
        this.boms = boms;
        this.risks = risks;
    }

    ExposureView of(Bom bom) {
        var exposure = boms.exposure(bom);
        Map<String, ElementRiskChanged> current = risks.latest(exposure.elements().stream().map(e -> e.element()).toList())
                .stream().collect(Collectors.toMap(ElementRiskChanged::element, Function.identity(), (a, b) -> b));
        return ExposureView.of(bom, exposure, current);
    }
}
