package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints why extraction decided what it did (every cue with its vote, every marked clause, the
 * scores), for the fixtures and the real set's tuning split, by id: {@code ExtractionTrace en-001 c5-zh-1}.
 * A development aid run by hand; held-out items are never traced.
 */
public final class ExtractionTrace {

    private ExtractionTrace() {
    }

    @SuppressWarnings("java:S106")
    public static void main(String[] args) {
        Extractor extractor = new Extractor();
        List<NewsItem> items = new ArrayList<>();
        RealSet.textDirectory().ifPresent(dir -> RealSet.load(dir).stream()
                .filter(l -> l.split() == RealSet.Split.TUNE).forEach(l -> items.add(l.item())));
        FailureClassFixturesTest.fixtures().forEach(a -> items.add((NewsItem) a.get()[3]));
        for (NewsItem item : items) {
            if (List.of(args).contains(item.id())) {
                List<String> trace = new ArrayList<>();
                var extraction = extractor.extract(item, RealSetEvaluationTest.DETECTED, trace);
                System.out.println("== " + item.id() + " " + item.title() + " -> " + extraction.relevant() + " "
                        + extraction.event().eventType() + " " + extraction.event().direction() + " "
                        + extraction.event().elements());
                trace.forEach(line -> System.out.println("   " + line));
            }
        }
    }
}
