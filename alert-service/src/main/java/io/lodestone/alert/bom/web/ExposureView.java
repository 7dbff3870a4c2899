package io.lodestone.alert.bom.web;

import static io.lodestone.alert.bom.Range.toGrams;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.Exposure;
import io.lodestone.alert.bom.Range;
import io.lodestone.alert.notify.BomExposure;
import com.fasterxml.jackson.annotation.JsonIgnore;
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

        /** The typical kg/yr as the pages write it. */
        @JsonIgnore
        public String kgText() {
            return BomExposure.kg(kgPerYear);
        }

        /** The range as the pages write it, or "exact" for stated element content. */
        @JsonIgnore
        public String rangeText() {
            return kgPerYearMin == kgPerYearMax ? "exact"
                    : BomExposure.kg(kgPerYearMin).replace(" kg/yr", "") + "–" + BomExposure.kg(kgPerYearMax);
        }
    }

    record PartView(String partNumber, String description, double kgPerYear, double kgPerYearMin, double kgPerYearMax) {

        /** A part whose typical share is nil (an element only some makers add) shows how much it may hold. */
        @JsonIgnore
        public String kgText() {
            return kgPerYear == 0 && kgPerYearMax > 0 ? "up to " + BomExposure.kg(kgPerYearMax) : BomExposure.kg(kgPerYear);
        }
    }

    static ExposureView of(Bom bom, Exposure exposure, Map<String, ElementRiskChanged> risks) {
        return new ExposureView(bom.id(), bom.name(), exposure.compositionVersion(), exposure.elements().stream()
                .map(e -> {
                    ElementRiskChanged risk = risks.get(e.element());
                    Range kg = e.kgPerYear();
                    return new ElementView(e.element(),
                            Elements.bySymbol(e.element()).map(x -> x.name()).orElse(e.element()),
                            Elements.isTracked(e.element()), risk == null ? null : risk.level(),
                            risk == null ? null : risk.score(), toGrams(kg.typical()), toGrams(kg.min()), toGrams(kg.max()),
                            e.parts().stream().map(p -> new PartView(p.partNumber(), p.description(),
                                    toGrams(p.kgPerYear().typical()), toGrams(p.kgPerYear().min()),
                                    toGrams(p.kgPerYear().max()))).toList());
                }).toList());
    }
}
