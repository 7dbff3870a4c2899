package io.lodestone.ingest.publish;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.Stories;
import io.lodestone.ingest.dedupe.Story;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.dedupe.StoryDecision;
import io.lodestone.ingest.dedupe.StoryLinker;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harness, not a test (run it by name): what the story stage costs at its cap. It links
 * {@value #STORIES} relevant candidates built from the development set (each with its own URL and
 * outlet, spread over one window) into a full store, then measures what a restart costs beyond
 * reading the changelog: decoding every stored story and rebuilding the linker's index, and the
 * heap those decoded stories and their index take. Writes {@code target/story-stage-benchmark.txt}.
 * A second case measures the work per report once the store is full of stories that share their
 * words ({@link #placeAtTheCapInSharedWords}).
 */
class StoryStageBenchmark {

    private static final int STORIES = LinkRules.DEFAULT_MAX_STORIES;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each pass over the templates writes with its own words, so that its stories are new ones. */
    private static Map<String, Integer> vocabulary(Map<String, Integer> terms, int pass) {
        Map<String, Integer> renamed = new LinkedHashMap<>();
        terms.forEach((term, count) -> renamed.put(pass + term, count));
        return renamed;
    }

    private static SupplyEventDetected copy(SupplyEventDetected e, String id, Instant at) {
        return copy(e, id, at, e.elements(), e.groups());
    }

    private static SupplyEventDetected copy(SupplyEventDetected e, String id, Instant at, List<String> elements,
                                            List<ElementGroup> groups) {
        return new SupplyEventDetected(e.schemaVersion(), id, e.sourceId(), e.url(), e.title(), at, e.detectedAt(),
                e.language(), e.eventType(), e.direction(), e.severity(), e.confidence(), elements, groups,
                e.countries(), e.companies(), e.evidence(), 1);
    }

    /** The heap in use once the collector has run until it frees nothing more. */
    private static long usedAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    @Test
    void linkAndRestoreAtTheCap() throws IOException {
        Extractor extractor = new Extractor();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<NewsItem> items = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/devset/tune.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    items.add(new NewsItem(node.path("id").asString(), "import", node.path("title").asString(null),
                            node.path("text").asString(null), null, start, null));
                }
            }
        }
        List<StoryCandidate> templates = new ArrayList<>();
        for (NewsItem item : items) {
            Extraction extraction = extractor.extract(item, start);
            if (extraction.relevant()) {
                templates.add(StoryCandidate.of(item, extraction.event()));
            }
        }
        List<StoryCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            StoryCandidate t = templates.get(i % templates.size());
            Instant at = start.plusSeconds(i * 25L);
            candidates.add(new StoryCandidate(t.itemId() + "-" + i, "host:outlet" + i + ".example",
                    List.of("url:https://outlet" + i + ".example/" + i), true,
                    copy(t.event(), "evt-bench-" + i, at), vocabulary(t.terms(), i / templates.size()), t.figures()));
        }

        Map<String, Story> kept = new LinkedHashMap<>();
        Stories store = Stories.in(kept);
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(7), STORIES), store);
        long linkStart = System.nanoTime();
        candidates.forEach(linker::link);
        double linkSeconds = (System.nanoTime() - linkStart) / 1e9;

        Serde<Story> serde = StoryJson.serde(Story.class);
        List<byte[]> changelog = new ArrayList<>();
        long bytes = 0;
        for (Story story : kept.values()) {
            byte[] value = serde.serializer().serialize("changelog", story);
            changelog.add(value);
            bytes += value.length;
        }
        kept.clear();
        linker = null;
        long before = usedAfterCollection();
        long restoreStart = System.nanoTime();
        Map<String, Story> restored = new LinkedHashMap<>();
        for (byte[] value : changelog) {
            Story story = serde.deserializer().deserialize("changelog", value);
            restored.put(story.id(), story);
        }
        kept.putAll(restored);
        StoryLinker rebuilt = new StoryLinker(LinkRules.standard(Duration.ofDays(7), STORIES), store);
        double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
        restored.clear();
        long heap = usedAfterCollection() - before;

        String report = String.format(Locale.ROOT, "%d candidates linked in %.2f s (%.0f per second), %d stories kept;%n"
                        + "store %.1f MB (%.1f KB per story); decode and rebuild the index of %d stories: %.2f s;%n"
                        + "decoded stories and the linker's index: %.1f MB of heap (%.1f KB per story), besides the store%n",
                STORIES, linkSeconds, STORIES / linkSeconds, kept.size(), bytes / 1e6, bytes / 1e3 / changelog.size(),
                rebuilt.size(), restoreSeconds, heap / 1e6, heap / 1e3 / rebuilt.size());
        Files.writeString(Path.of("target", "story-stage-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /**
     * The work per report at the cap when every story shares its vocabulary, as in a backfill of
     * one topic: {@value #STORIES} distinct stories fill the store, then as many more are placed,
     * each scored against the stories its rarer words lead to. The items are those of the stack
     * benchmark's import in kind (a third of the words made-up names from 8,000, the rest from 60
     * common words; one element; 21 minutes apart, all before the live reports that came first),
     * decoded from their records as the stage reads them. Writes the rate of the second half, the
     * bytes allocated per candidate, and the heap and stored size per story at the cap to
     * {@code target/story-stage-benchmark-shared-words.txt}.
     */
    @Test
    void placeAtTheCapInSharedWords() throws IOException {
        Random random = new Random(7);
        String[] common = new String[60];
        for (int i = 0; i < common.length; i++) {
            common[i] = "common" + i;
        }
        SupplyEventDetected template = new Extractor().extract(new NewsItem("t", "import",
                "Producer bans exports of gallium", "The ministry bans exports of gallium with immediate effect.",
                null, Instant.parse("2025-01-01T00:00:00Z"), null), Instant.parse("2025-01-01T00:00:00Z")).event();
        List<String> symbols = Elements.all().stream().map(element -> element.symbol()).toList();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        // as the stage reads them: each candidate is decoded from its record, then placed
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 2 * STORIES; i++) {
            Map<String, Integer> terms = new LinkedHashMap<>();
            for (int w = 0; w < 280; w++) {
                String word = w % 3 == 0 ? "name" + random.nextInt(8_000) : common[random.nextInt(common.length)];
                terms.merge(word, 1, Integer::sum);
            }
            Instant at = base.plusSeconds(i * 1300L);
            records.add(StoryJson.MAPPER.writeValueAsBytes(new StoryCandidate("item-" + i, "host:import.example",
                    List.of("url:https://import.example/" + i), true, copy(template, "evt-shared-" + i, at,
                    List.of(symbols.get(random.nextInt(symbols.size()))), List.of()), terms, List.of())));
        }
        Map<String, Story> kept = new LinkedHashMap<>();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(7), STORIES), Stories.in(kept));
        // live reports of today came first: the backfill's stories are all older than the clock
        linker.link(new StoryCandidate("today", "host:live.example", List.of("url:https://live.example/1"), true,
                copy(template, "evt-today", base.plus(Duration.ofDays(400))), Map.of("today", 1), List.of()));
        for (byte[] record : records.subList(0, STORIES)) {
            linker.link(StoryJson.MAPPER.readValue(record, StoryCandidate.class));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        Map<StoryDecision.Outcome, Integer> outcomes = new TreeMap<>();
        for (byte[] record : records.subList(STORIES, records.size())) {
            outcomes.merge(linker.link(StoryJson.MAPPER.readValue(record, StoryCandidate.class)).outcome(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        records = null;
        long stored = kept.values().stream().mapToLong(story -> StoryJson.MAPPER.writeValueAsBytes(story).length).sum();
        int storiesKept = linker.size();
        long withStories = usedAfterCollection();
        kept.clear();
        linker = null;
        long heap = withStories - usedAfterCollection();
        String report = String.format(Locale.ROOT, "at the cap, shared words: %d candidates decoded and placed in %.2f s"
                        + " (%.0f per second), %.0f KB allocated per candidate, %d stories kept; outcomes %s;%n"
                        + "stories and the linker's index: %.1f KB of heap per story, and %.1f KB per story serialized in the store%n",
                STORIES, seconds, STORIES / seconds, allocated / 1e3 / STORIES, storiesKept, outcomes,
                heap / 1e3 / storiesKept, stored / 1e3 / storiesKept);
        Files.writeString(Path.of("target", "story-stage-benchmark-shared-words.txt"), report, StandardCharsets.UTF_8);
    }
}
