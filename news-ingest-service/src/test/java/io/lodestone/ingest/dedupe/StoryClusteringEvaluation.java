package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.extract.RealSet;
import io.lodestone.ingest.item.NewsItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Story clustering measured on the real-reporting set. The texts live outside the repository
 * ({@code ../realset}, or {@code -Dlodestone.realset.dir}, or {@code LODESTONE_REALSET_DIR}); the
 * labels come from {@code src/test/resources/realset/labels-*.jsonl} when committed, else from
 * the items themselves. Without the texts the evaluation is skipped.
 * <p>
 * Each split (held-out iff the first byte of SHA-256 of the cluster id, or of the URL, mod 10 is
 * below 4) is run on its own: its items are extracted, and the relevant ones are placed in
 * stories in arrival order. Arrival order is publication time; an undated item arrives right
 * after the item collected before it (before the first dated one, for undated items that open a
 * file), which is how a live feed would deliver it. Measured: over
 * pairs of items from different outlets, same-story precision and recall against the gold
 * {@code cluster}, recall again over pairs the extractor let through, and hard negatives (same
 * {@code family}, different clusters) that ended in one story. Written to
 * {@code target/realset-clustering.txt}.
 */
class StoryClusteringEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DETECTED = Instant.parse("2026-11-30T00:00:00Z");
    private static final Extractor EXTRACTOR = new Extractor();
    private static final Map<String, Extraction> EXTRACTIONS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pairs got wrong, when diagnosing the tuning split. */
    private static StringBuilder DIAGNOSE;

    /** One labelled item; {@code collection} is {@code first} for the collection the split divides, else the later one's name. */
    record Labelled(NewsItem item, String outlet, String cluster, String family, boolean heldOut, Instant arrival,
                    String collection) {

        boolean first() {
            return FIRST.equals(collection);
        }
    }

    static final String FIRST = "first";

    record Figures(String split, int items, int relevant, int goldPairs, int predictedPairs, int truePairs,
                   int goldPairsBothRelevant, int truePairsBothRelevant, int hardNegatives, int hardNegativesLinked, int crossLanguageGold,
                   int crossLanguageTrue, int datedGold, int datedPredicted, int datedTrue) {

        double precision() {
            return predictedPairs == 0 ? 1 : truePairs / (double) predictedPairs;
        }

        double recall() {
            return goldPairs == 0 ? 1 : truePairs / (double) goldPairs;
        }

        double linkerRecall() {
            return goldPairsBothRelevant == 0 ? 1 : truePairsBothRelevant / (double) goldPairsBothRelevant;
        }

        String line() {
            return String.format(Locale.ROOT, "%-8s items %3d (relevant %3d)  pairs gold %4d predicted %4d true %4d  "
                            + "precision %.3f  recall %.3f  recall-of-relevant %.3f  hard negatives %d, linked %d"
                            + "  (English-Chinese pairs: %d of %d linked; both dated: %d of %d linked, precision %.3f)",
                    split, items, relevant, goldPairs, predictedPairs, truePairs, precision(), recall(), linkerRecall(),
                    hardNegatives, hardNegativesLinked, crossLanguageTrue, crossLanguageGold, datedTrue, datedGold,
                    datedPredicted == 0 ? 1 : datedTrue / (double) datedPredicted);
        }
    }

    /** The bar on the held-out split; not reached yet, so reported rather than asserted. */
    static final String TARGET = "target on held-out: precision >= 0.90, recall >= 0.75, no hard negative linked";

    /**
     * Floors under the held-out figures measured when the linker was last tuned (precision 0.911,
     * recall 0.325, 1 of 693 hard negatives linked, 2026-12-01; recall is low because half of the
     * held-out same-story pairs have an item the extractor rejects): falling below them is a
     * regression.
     */
    @Test
    void heldOutClusteringStaysAboveItsMeasuredFloor() throws IOException {
        List<Labelled> all = load();
        List<Labelled> first = all.stream().filter(Labelled::first).toList();
        Figures tune = evaluate("tune", first.stream().filter(l -> !l.heldOut()).toList(), rules());
        Figures heldOut = evaluate("held-out", first.stream().filter(Labelled::heldOut).toList(), rules());
        List<String> lines = new ArrayList<>(List.of(
                "Story clustering on the real-reporting set (" + first.size() + " items), " + rules(),
                tune.line(), heldOut.line()));
        for (String collection : RealSet.LATER) {
            List<Labelled> items = all.stream().filter(l -> l.collection().equals(collection)).toList();
            if (!items.isEmpty()) {
                DIAGNOSE = new StringBuilder();
                lines.add(evaluate(collection, items, rules()).line());
                Files.writeString(Path.of("target", "realset-clustering-errors-" + collection + ".txt"), DIAGNOSE,
                        StandardCharsets.UTF_8);
                DIAGNOSE = null;
            }
        }
        lines.add(TARGET);
        lines.add("");
        Files.writeString(Path.of("target", "realset-clustering.txt"), String.join("\n", lines), StandardCharsets.UTF_8);

        // the floors are the first collection's: a machine holding only later collections scores those
        assumeTrue(first.stream().anyMatch(Labelled::heldOut), "the first collection's held-out texts");
        assertThat(heldOut.precision()).as("pair precision").isGreaterThanOrEqualTo(0.88);
        assertThat(heldOut.recall()).as("pair recall").isGreaterThanOrEqualTo(0.33);
        assertThat(heldOut.hardNegativesLinked()).as("hard negatives linked")
                .isLessThanOrEqualTo(heldOut.hardNegatives() / 100);
    }

    /** Grid search on the tuning split only: {@code -Dlodestone.realset.tune=true}. */
    @Test
    void tuneOnTheTuneSplit() throws IOException {
        assumeTrue(Boolean.getBoolean("lodestone.realset.tune"), "tuning runs only when asked for");
        List<Labelled> tune = load().stream().filter(l -> l.first() && !l.heldOut()).toList();
        StringBuilder report = new StringBuilder();
        DIAGNOSE = new StringBuilder();
        report.append(evaluate("tune", tune, rules()).line()).append('\n');
        Files.writeString(Path.of("target", "realset-clustering-errors.txt"), DIAGNOSE, StandardCharsets.UTF_8);
        DIAGNOSE = null;
        if (Boolean.getBoolean("lodestone.realset.diagnose")) {
            Files.writeString(Path.of("target", "realset-clustering-tuning.txt"), report, StandardCharsets.UTF_8);
            return;
        }
        for (double threshold : new double[] {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}) {
            for (double figure : new double[] {0.1, 0.15, 0.2, 0.25}) {
                for (double element : new double[] {0.1, 0.2, 0.3}) {
                    for (int days : new int[] {5, 7, 10, 14}) {
                        for (double time : new double[] {0, 0.1, 0.2}) {
                            LinkRules base = LinkRules.standard(Duration.ofDays(days), LinkRules.DEFAULT_MAX_STORIES);
                            LinkRules rules = new LinkRules(base.window(), base.maxStories(), threshold,
                                    base.retellingThreshold(), figure, element,
                                    base.typeWeight(), base.actorWeight(), time,
                                    base.queryTerms(), base.maxCandidates(), base.maxPostings());
                            report.append(String.format(Locale.ROOT, "t=%.2f f=%.2f e=%.2f w=%2dd tp=%.1f  ", threshold,
                                    figure, element, days, time)).append(evaluate("tune", tune, rules).line()).append('\n');
                        }
                    }
                }
            }
        }
        Files.writeString(Path.of("target", "realset-clustering-tuning.txt"), report, StandardCharsets.UTF_8);
    }

    static LinkRules rules() {
        // the service's default window (lodestone.ingest.dedupe-window)
        return LinkRules.standard(Duration.ofDays(7), LinkRules.DEFAULT_MAX_STORIES);
    }

    static Figures evaluate(String split, List<Labelled> items, LinkRules rules) {
        Map<String, Story> kept = new HashMap<>();
        StoryLinker linker = new StoryLinker(rules, Stories.in(kept));
        Map<String, String> clusterOf = new HashMap<>();
        Map<String, String> storyOf = new HashMap<>();
        Map<String, String> root = new HashMap<>();
        Set<String> relevantIds = new HashSet<>();
        for (Labelled labelled : items) {
            Extraction extraction = EXTRACTIONS.computeIfAbsent(labelled.item().id(),
                    id -> EXTRACTOR.extract(labelled.item(), DETECTED));
            if (extraction.relevant()) {
                relevantIds.add(labelled.item().id());
            }
            // as the service does: relevant items, and rejected ones that may retell a story
            if (StoryCandidate.mayJoinAStory(extraction.event())) {
                StoryCandidate candidate = StoryCandidate.of(labelled.item(), extraction.event());
                Map<String, String> partners = DIAGNOSE == null ? Map.of()
                        : partnerStories(linker, kept, candidate, labelled.cluster(), clusterOf, storyOf, root);
                StoryDecision decision = linker.link(candidate);
                if (labelled.cluster() != null) {
                    clusterOf.put(labelled.item().id(), labelled.cluster());
                }
                partners.forEach((partnerStory, why) -> {
                    if (!partnerStory.equals(decision.storyId()) && !decision.merged().contains(partnerStory)) {
                        DIAGNOSE.append("APART ").append(labelled.item().id()).append(' ').append(why).append('\n');
                    }
                });
                if (decision.storyId() == null) {
                    continue;
                }
                storyOf.put(labelled.item().id(), decision.storyId());
                decision.merged().forEach(merged -> root.put(merged, decision.storyId()));
                if (DIAGNOSE != null) {
                    DIAGNOSE.append("TRACE ").append(labelled.item().id()).append(' ').append(labelled.cluster())
                            .append(' ').append(decision.outcome()).append(" first=").append(decision.firstItemId())
                            .append(" merged=").append(decision.merged()).append(" el=")
                            .append(extraction.event().elements()).append(extraction.event().groups()).append('\n');
                }
            }
        }
        Function<String, String> story = id -> storyOf.get(id) == null ? null : find(root, storyOf.get(id));
        int gold = 0;
        int predicted = 0;
        int truePairs = 0;
        int goldBothRelevant = 0;
        int trueBothRelevant = 0;
        int hardNegatives = 0;
        int hardLinked = 0;
        int crossGold = 0;
        int crossTrue = 0;
        int datedGold = 0;
        int datedPredicted = 0;
        int datedTrue = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Labelled a = items.get(i);
                Labelled b = items.get(j);
                if (a.outlet().equals(b.outlet())) {
                    continue;
                }
                boolean sameGold = a.cluster() != null && a.cluster().equals(b.cluster());
                String sa = story.apply(a.item().id());
                boolean linked = sa != null && sa.equals(story.apply(b.item().id()));
                boolean cross = chinese(a) != chinese(b);
                if (sameGold) {
                    crossGold += cross ? 1 : 0;
                    crossTrue += cross && linked ? 1 : 0;
                }
                if (a.item().publishedAt() != null && b.item().publishedAt() != null) {
                    datedGold += sameGold ? 1 : 0;
                    datedPredicted += linked ? 1 : 0;
                    datedTrue += sameGold && linked ? 1 : 0;
                }
                gold += sameGold ? 1 : 0;
                predicted += linked ? 1 : 0;
                truePairs += sameGold && linked ? 1 : 0;
                boolean bothRelevant = relevantIds.contains(a.item().id()) && relevantIds.contains(b.item().id());
                goldBothRelevant += sameGold && bothRelevant ? 1 : 0;
                trueBothRelevant += sameGold && bothRelevant && linked ? 1 : 0;
                boolean hardNegative = a.family() != null && a.family().equals(b.family()) && !sameGold
                        && a.cluster() != null && b.cluster() != null;
                hardNegatives += hardNegative ? 1 : 0;
                if (DIAGNOSE != null && (linked && !sameGold || sameGold && !linked && bothRelevant)) {
                    DIAGNOSE.append(linked ? (hardNegative ? "HARD " : "FP   ") : "MISS ").append(a.item().id()).append(' ')
                            .append(b.item().id()).append("  ").append(a.cluster()).append(" | ").append(b.cluster())
                            .append("  ").append(a.item().title()).append(" | ").append(b.item().title()).append('\n');
                }
                hardLinked += hardNegative && linked ? 1 : 0;
            }
        }
        return new Figures(split, items.size(), relevantIds.size(), gold, predicted, truePairs, goldBothRelevant, trueBothRelevant,
                hardNegatives,
                hardLinked, crossGold, crossTrue, datedGold, datedPredicted, datedTrue);
    }

    /**
     * For the diagnosis: the stories holding earlier reports of the candidate's labelled event, each
     * with why the candidate might not join it (forgotten already, or its score and what differs),
     * computed before the candidate is linked.
     */
    private static Map<String, String> partnerStories(StoryLinker linker, Map<String, Story> kept,
                                                     StoryCandidate candidate, String cluster,
                                                     Map<String, String> clusterOf, Map<String, String> storyOf,
                                                     Map<String, String> root) {
        Map<String, String> partners = new java.util.TreeMap<>();
        if (cluster == null) {
            return partners;
        }
        clusterOf.forEach((partner, partnerCluster) -> {
            if (!cluster.equals(partnerCluster) || storyOf.get(partner) == null) {
                return;
            }
            String storyId = find(root, storyOf.get(partner));
            Story story = kept.get(storyId);
            partners.put(storyId, story == null || story.forgotten() ? partner + " forgotten already" : String.format(Locale.ROOT,
                    "%s score %.3f type %s/%s elements %s/%s", partner, linker.score(candidate, story,
                            candidate.dated() ? candidate.event().publishedAt() : null),
                    story.event().eventType(), candidate.event().eventType(), story.elements(),
                    StoryLinker.scope(candidate.event())));
        });
        return partners;
    }

    /** The story a story was merged into, following merges. */
    private static String find(Map<String, String> root, String id) {
        String current = id;
        while (root.containsKey(current)) {
            current = root.get(current);
        }
        return current;
    }

    static List<Labelled> load() throws IOException {
        Path dir = realsetDir();
        List<String> files = RealSet.FILES;
        assumeTrue(dir != null && files.stream().anyMatch(name -> Files.isRegularFile(dir.resolve("items-" + name + ".jsonl"))),
                "the real-reporting texts are not here; see REALSET in the README");
        List<Labelled> all = new ArrayList<>();
        for (String name : files) {
            Path items = dir.resolve("items-" + name + ".jsonl");
            if (!Files.isRegularFile(items)) {
                continue;
            }
            String collection = name.contains("-") ? name.substring(0, name.indexOf('-')) : FIRST;
            Map<String, JsonNode> labels = labels(name);
            Instant previous = null;
            List<Labelled> undatedFirst = new ArrayList<>();
            for (String line : Files.readAllLines(items, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String id = node.path("id").asString();
                JsonNode gold = labels.getOrDefault(id, node).path("gold");
                String published = node.path("publishedAt").isString() ? node.path("publishedAt").asString() : null;
                Instant publishedAt = published == null ? null : Instant.parse(published);
                NewsItem item = new NewsItem(id, "import", node.path("title").asString(null),
                        node.path("text").asString(null), node.path("url").asString(null), publishedAt,
                        node.path("language").asString(null));
                String cluster = gold.path("cluster").isString() ? gold.path("cluster").asString() : null;
                String family = gold.path("family").isString() ? gold.path("family").asString() : null;
                Instant arrival = publishedAt != null ? publishedAt : previous;
                previous = arrival;
                Labelled labelled = new Labelled(item, node.path("outlet").asString(""), cluster, family,
                        FIRST.equals(collection) && heldOut(cluster != null ? cluster : item.url()), arrival, collection);
                if (arrival == null) {
                    undatedFirst.add(labelled);
                    continue;
                }
                for (Labelled early : undatedFirst) {
                    all.add(new Labelled(early.item(), early.outlet(), early.cluster(), early.family(), early.heldOut(),
                            arrival, early.collection()));
                }
                undatedFirst.clear();
                all.add(labelled);
            }
        }
        all.sort(Comparator.comparing(Labelled::arrival));
        return all;
    }

    private static boolean chinese(Labelled labelled) {
        String language = labelled.item().language();
        return language != null ? language.startsWith("zh") : labelled.item().id().contains("zh");
    }

    private static Map<String, JsonNode> labels(String language) throws IOException {
        Map<String, JsonNode> labels = new HashMap<>();
        try (var in = StoryClusteringEvaluation.class.getResourceAsStream("/realset/labels-" + language + ".jsonl")) {
            if (in == null) {
                return labels;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    labels.put(node.path("id").asString(), node);
                }
            }
        }
        return labels;
    }

    static boolean heldOut(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) % 10 < 4;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path realsetDir() {
        String configured = System.getProperty("lodestone.realset.dir", System.getenv("LODESTONE_REALSET_DIR"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("..", "..", "realset"), Path.of("..", "realset"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
