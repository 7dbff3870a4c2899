package io.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four quality figures of the issue, over one split of the development set:
 * noise rejection (share of noise items judged not relevant), element micro-F1 (specific elements
 * over the items that are relevant by the gold labels), event-type and direction accuracy (over
 * every item, noise counting as NOT_RELEVANT / NEUTRAL; also reported over relevant items alone).
 */
final class Scorecard {

    private int noise;
    private int noiseRejected;
    private final ElementCounts elements = new ElementCounts();
    private int items;
    private int typeRight;
    private int directionRight;
    private int relevantItems;
    private int relevantTypeRight;
    private int relevantDirectionRight;
    private final List<String> mistakes = new ArrayList<>();

    void add(DevSet.Labelled labelled, Extraction extraction) {
        DevSet.Gold gold = labelled.gold();
        var event = extraction.event();
        items++;
        boolean typeOk = gold.eventType().equals(event.eventType().name());
        boolean directionOk = gold.direction().equals(event.direction().name());
        typeRight += typeOk ? 1 : 0;
        directionRight += directionOk ? 1 : 0;
        Set<String> predicted = new TreeSet<>(event.elements());
        if (!gold.relevant()) {
            noise++;
            noiseRejected += extraction.relevant() ? 0 : 1;
        } else {
            relevantItems++;
            relevantTypeRight += typeOk ? 1 : 0;
            relevantDirectionRight += directionOk ? 1 : 0;
            elements.add(predicted, gold.elements());
        }
        boolean elementsOk = !gold.relevant() || predicted.equals(gold.elements());
        if (!(typeOk && directionOk && elementsOk && gold.relevant() == extraction.relevant())) {
            mistakes.add(String.format(Locale.ROOT, "%s %s | gold %s %s %s %s | got %s %s %s %s",
                    labelled.item().id(), labelled.item().title(), gold.relevant(), gold.eventType(), gold.direction(),
                    gold.elements(), extraction.relevant(), event.eventType(), event.direction(), predicted));
        }
    }

    double noiseRejection() {
        return noise == 0 ? 1 : noiseRejected / (double) noise;
    }

    double elementF1() {
        return elements.f1();
    }

    double typeAccuracy() {
        return typeRight / (double) items;
    }

    double directionAccuracy() {
        return directionRight / (double) items;
    }

    double relevantTypeAccuracy() {
        return relevantTypeRight / (double) relevantItems;
    }

    double relevantDirectionAccuracy() {
        return relevantDirectionRight / (double) relevantItems;
    }

    List<String> mistakes() {
        return mistakes;
    }

    String summary(String split) {
        return String.format(Locale.ROOT, "%s: %d items (%d noise): noise rejection %.3f, element micro-F1 %.3f, "
                        + "event-type accuracy %.3f (relevant only %.3f), direction accuracy %.3f (relevant only %.3f)",
                split, items, noise, noiseRejection(), elementF1(), typeAccuracy(), relevantTypeAccuracy(),
                directionAccuracy(), relevantDirectionAccuracy());
    }
}
