package io.lodestone.alert.bom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exposure arithmetic. A part's kilograms per year of an element are its annual volume times
 * the element's grams per unit, divided by 1000; for a magnet, grams per unit are the magnet mass
 * times the grade's mass fraction, with the table's min, typical and max carried through. An
 * element's total is the sum over parts, bound by bound.
 */
public final class ExposureCalculator {

    private static final double GRAMS_PER_KG = 1000;

    private final CompositionTable table;

    public ExposureCalculator(CompositionTable table) {
        this.table = table;
    }

    public Exposure exposure(List<Part> parts) {
        Map<String, List<Exposure.PartExposure>> byElement = new LinkedHashMap<>();
        for (Part part : parts) {
            gramsPerUnit(part).forEach((element, grams) -> byElement.computeIfAbsent(element, e -> new ArrayList<>())
                    .add(new Exposure.PartExposure(part.partNumber(), part.description(),
                            grams.times(part.annualVolume() / GRAMS_PER_KG))));
        }
        List<Exposure.ElementExposure> elements = new ArrayList<>();
        byElement.forEach((element, shares) -> {
            List<Exposure.PartExposure> sorted = shares.stream()
                    .filter(share -> share.kgPerYear().max() > 0)
                    .sorted(Comparator.comparingDouble((Exposure.PartExposure s) -> s.kgPerYear().typical()).reversed())
                    .toList();
            if (!sorted.isEmpty()) {
                Range total = sorted.stream().map(Exposure.PartExposure::kgPerYear).reduce(Range.ZERO, Range::plus);
                elements.add(new Exposure.ElementExposure(element, total, sorted));
            }
        });
        elements.sort(Comparator.comparingDouble((Exposure.ElementExposure e) -> e.kgPerYear().typical()).reversed());
        return new Exposure(table.version(), List.copyOf(elements));
    }

    /** Grams of each element in one unit of the part. */
    Map<String, Range> gramsPerUnit(Part part) {
        Map<String, Range> grams = new LinkedHashMap<>();
        if (part.magnet() != null) {
            Map<String, Range> shares = table.fractions(part.magnet().grade()).orElseThrow(() ->
                    new IllegalStateException("no composition for " + part.magnet().grade().label()));
            shares.forEach((element, share) -> grams.put(element, share.times(part.magnet().massGrams())));
        } else {
            part.elementsGrams().forEach((element, g) -> grams.put(element, Range.exactly(g)));
        }
        return grams;
    }
}
