package io.lodestone.ingest.extract;

import io.lodestone.events.SupplyEventDetected;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of one split of the real set: noise rejected per language, element micro
 * precision, recall and F1 (specific elements, gold-relevant items), event-type and direction
 * accuracy over gold-relevant items, relevant items kept, and for each failure class of the
 * quality notes how many of its items came out fully right.
 */
final class RealSetScore {

    private final Map<String, int[]> noiseByLanguage = new TreeMap<>();
    private int relevant;
    private int relevantKept;
    private int typeRight;
    private int directionRight;
    private final ElementCounts elements = new ElementCounts();
    private final Map<Integer, int[]> byClass = new TreeMap<>();
    private final List<String> mistakes = new ArrayList<>();

    void add(RealSet.Labelled labelled, Extraction extraction) {
        RealSet.Gold gold = labelled.gold();
        SupplyEventDetected event = extraction.event();
        boolean right;
        if (!gold.relevant()) {
            int[] noise = noiseByLanguage.computeIfAbsent(labelled.languageGroup(), l -> new int[2]);
            noise[0]++;
            noise[1] += extraction.relevant() ? 0 : 1;
            right = !extraction.relevant();
        } else {
            relevant++;
            relevantKept += extraction.relevant() ? 1 : 0;
            boolean typeOk = gold.eventType().equals(event.eventType().name());
            boolean directionOk = gold.direction().equals(event.direction().name());
            typeRight += typeOk ? 1 : 0;
            directionRight += directionOk ? 1 : 0;
            Set<String> predicted = new TreeSet<>(event.elements());
            elements.add(predicted, gold.elements());
            right = typeOk && directionOk && predicted.equals(gold.elements());
        }
        for (int failureClass : gold.failureClasses()) {
            int[] counts = byClass.computeIfAbsent(failureClass, c -> new int[2]);
            counts[0]++;
            counts[1] += right ? 1 : 0;
        }
        if (!right) {
            mistakes.add(String.format(Locale.ROOT, "%s [%s] %s | gold %s %s %s %s %s | got %s %s %s %s %s | classes %s",
                    labelled.item().id(), labelled.language(), labelled.item().title(), gold.relevant(), gold.eventType(),
                    gold.direction(), gold.elements(), gold.groups(), extraction.relevant(), event.eventType(),
                    event.direction(), new TreeSet<>(event.elements()), event.groups(), gold.failureClasses()));
        }
    }

    double noiseRejected(String language) {
        int[] noise = noiseByLanguage.get(language);
        return noise == null || noise[0] == 0 ? Double.NaN : noise[1] / (double) noise[0];
    }

    double precision() {
        return elements.precision();
    }

    double recall() {
        return elements.recall();
    }

    double elementF1() {
        return elements.f1();
    }

    double typeAccuracy() {
        return relevant == 0 ? Double.NaN : typeRight / (double) relevant;
    }

    double directionAccuracy() {
        return relevant == 0 ? Double.NaN : directionRight / (double) relevant;
    }

    List<String> mistakes() {
        return mistakes;
    }

    List<String> report(String split) {
        List<String> lines = new ArrayList<>();
        int noise = noiseByLanguage.values().stream().mapToInt(n -> n[0]).sum();
        lines.add(String.format(Locale.ROOT, "%s: %d items (%d relevant, %d noise)", split, relevant + noise, relevant,
                noise));
        noiseByLanguage.forEach((language, n) -> lines.add(String.format(Locale.ROOT,
                "  noise rejected, %s: %.3f (%d of %d)", language, n[1] / (double) n[0], n[1], n[0])));
        lines.add(String.format(Locale.ROOT, "  element micro-F1 %.3f (precision %.3f, recall %.3f)", elementF1(),
                precision(), recall()));
        lines.add(String.format(Locale.ROOT, "  event type %.3f, direction %.3f, kept as relevant %.3f (of %d relevant)",
                typeAccuracy(), directionAccuracy(), relevant == 0 ? Double.NaN : relevantKept / (double) relevant,
                relevant));
        byClass.forEach((failureClass, n) -> lines.add(String.format(Locale.ROOT,
                "  failure class %2d: %d of %d items fully right (%.2f)", failureClass, n[1], n[0], n[1] / (double) n[0])));
        return lines;
    }
}
