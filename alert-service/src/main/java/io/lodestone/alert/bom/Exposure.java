package io.lodestone.alert.bom;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * The elements a subscription linked to this BOM watches: those it may watch whose typical
     * kg/yr reaches the floor, or, without a floor, every one the BOM contains (typical above 0),
     * largest first.
     */
    public List<String> elementsAtLeast(Double floorKgPerYear, Predicate<String> watchable) {
        return elements.stream()
                .filter(e -> watchable.test(e.element()))
                .filter(e -> floorKgPerYear == null ? e.kgPerYear().typical() > 0 : e.kgPerYear().typical() >= floorKgPerYear)
                .map(ElementExposure::element)
                .toList();
    }

    public Optional<ElementExposure> of(String element) {
        return elements.stream().filter(e -> e.element().equals(element)).findFirst();
    }
}
