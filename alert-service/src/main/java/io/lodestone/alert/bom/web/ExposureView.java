package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.Exposure;
import io.lodestone.alert.bom.Range;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import io.lodestone.events.RiskLevel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A BOM's exposure as the API and the pages show it: per element the kilograms per year
 * (typical, min, max), the parts behind them and the element's current level. Elements
 * Lodestone does not track (iron, boron …) have no level.
 */
record ExposureView(UUID bomId, String bomName, String compositionVersion, List<ElementView> elements) {

    record ElementView(String element, String elementName, boolean tracked, RiskLevel level, Double score,
                       double kgPerYear, double kgPerYearMin, double kgPerYearMax, List<PartView> parts) {
    }

    record PartView(String partNumber, String description, double kgPerYear, double kgPerYearMin, double kgPerYearMax) {
    }

    static ExposureView of(Bom bom, Exposure exposure, Map<String, ElementRiskChanged> risks) {
        return new ExposureView(bom.id(), bom.name(), exposure.compositionVersion(), exposure.elements().stream()
                .map(e -> {
                    ElementRiskChanged risk = risks.get(e.element());
                    Range kg = e.kgPerYear();
                    return new ElementView(e.element(),
                            Elements.bySymbol(e.element()).map(x -> x.name()).orElse(e.element()),
                            Elements.isTracked(e.element()), risk == null ? null : risk.level(),
                            risk == null ? null : risk.score(), round(kg.typical()), round(kg.min()), round(kg.max()),
                            e.parts().stream().map(p -> new PartView(p.partNumber(), p.description(),
                                    round(p.kgPerYear().typical()), round(p.kgPerYear().min()),
                                    round(p.kgPerYear().max()))).toList());
                }).toList());
    }

    /** Grams are the finest a buyer plans in. */
    static double round(double kg) {
        return Math.round(kg * 1000) / 1000.0;
    }
}
