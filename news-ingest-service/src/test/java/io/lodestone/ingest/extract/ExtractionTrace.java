package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints why extraction decided what it did (every cue with its vote, every marked clause, the
 * scores), for the fixtures and the real set's tuning split, by id: {@code ExtractionTrace en-001 c5-zh-1};
 * with {@code -}, for every item given on standard input as JSON lines ({@code id, title, text, publishedAt}).
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
                .filter(l -> l.split() != RealSet.Split.HELD_OUT).forEach(l -> items.add(l.item())));
        FailureClassFixturesTest.fixtures().forEach(a -> items.add((NewsItem) a.get()[3]));
        boolean fromStdin = List.of(args).contains("-");
        if (fromStdin) {
            items.clear();
            items.addAll(readLines());
        }
        for (NewsItem item : items) {
            if (fromStdin || List.of(args).contains(item.id())) {
                List<String> trace = new ArrayList<>();
                var extraction = extractor.extract(item, RealSetEvaluationTest.DETECTED, trace);
                System.out.println("== " + item.id() + " " + item.title() + " -> " + extraction.relevant() + " "
                        + extraction.event().eventType() + " " + extraction.event().direction() + " "
                        + extraction.event().elements());
                trace.forEach(line -> System.out.println("   " + line));
            }
        }
    }

    private static List<NewsItem> readLines() {
        JsonMapper json = JsonMapper.builder().build();
        List<NewsItem> items = new ArrayList<>();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                .filter(line -> !line.isBlank()).forEach(line -> {
                    JsonNode item = json.readTree(line);
                    String published = item.path("publishedAt").asString(null);
                    items.add(new NewsItem(item.path("id").asString("stdin"), "push", item.path("title").asString(""),
                            item.path("text").asString(""), null, published == null ? null : Instant.parse(published), null));
                });
        return items;
    }
}
