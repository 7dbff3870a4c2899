package io.lodestone.alert.bom;

import java.util.List;
import java.util.Optional;

/**
 * How much of each element a bill of materials consumes a year, and which parts it goes into,
 * largest first.
 *
 * @param compositionVersion the composition table version the magnet shares came from
 */
public record Exposure(String compositionVersion, List<ElementExposure> elements) {

    /** One element's kilograms per year, in total and per part. */
    public record ElementExposure(String element, Range kgPerYear, List<PartExposure> parts) {
    }

    /** One part's share of an element, in kilograms per year. */
    public record PartExposure(String partNumber, String description, Range kgPerYear) {
    }

    public Optional<ElementExposure> of(String element) {
        return elements.stream().filter(e -> e.element().equals(element)).findFirst();
    }
}
