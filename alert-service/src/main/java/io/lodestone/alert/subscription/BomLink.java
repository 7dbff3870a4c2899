package io.lodestone.alert.subscription;

import java.util.List;
import java.util.UUID;

/**
 * A subscription's link to a bill of materials: it then watches exactly the tracked elements the
 * BOM consumes, or only those of at least {@code minKgPerYear} (typical kg/yr), besides any it
 * names itself. The elements are worked out when the subscription is saved (a BOM never changes);
 * a client's {@code elements} here are ignored.
 *
 * @param minKgPerYear the floor in kilograms per year, or null for every element the BOM contains
 * @param elements     the BOM's elements at or above the floor, as worked out on save
 */
public record BomLink(UUID id, Double minKgPerYear, List<String> elements) {

    public BomLink {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }
}
