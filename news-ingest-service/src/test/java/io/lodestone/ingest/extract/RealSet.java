package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-reporting development set: labels committed under {@code src/test/resources/realset/}
 * ({@code labels-en.jsonl}, {@code labels-zh.jsonl}: facts and labels, no text), joined by id with
 * the texts kept outside the repository ({@code items-en.jsonl}, {@code items-zh.jsonl} and the later
 * collections' {@code items-second-*.jsonl}, {@code items-third-*.jsonl} and so on, in the
 * directory named by the system property {@code lodestone.realset.dir}, the environment variable
 * {@code LODESTONE_REALSET_DIR}, or {@code ../realset} next to the checkout). While a labels file is
 * not committed yet, the gold of the text file itself is used.
 * <p>
 * The split is fixed and computed, never chosen: an item is held out when the first byte of the
 * SHA-256 of its cluster id (its URL when it has none) is, modulo 10, below 4; a whole cluster falls
 * in one split.
 */
public final class RealSet {

    /** The later collections, in the order they were gathered: the splits after {@code HELD_OUT}. */
    public static final List<String> LATER = Stream.of(Split.values()).skip(2)
            .map(split -> split.name().toLowerCase(Locale.ROOT)).toList();
    /** Every text file's name between {@code items-} and {@code .jsonl}. */
    public static final List<String> FILES = Stream.concat(Stream.of("en", "zh"),
            LATER.stream().flatMap(collection -> Stream.of(collection + "-en", collection + "-zh"))).toList();

    /**
     * {@code TUNE} and {@code HELD_OUT} split the first collection; the others are the later
     * collections, each gathered after the rules were tuned on what came
     * before, scored once as it came and used for tuning since (never held out).
     */
    enum Split { TUNE, HELD_OUT, SECOND, THIRD, FOURTH, FIFTH, SIXTH, SEVENTH, EIGHTH, NINTH, TENTH, ELEVENTH, TWELFTH, THIRTEENTH, FOURTEENTH, FIFTEENTH, SIXTEENTH, SEVENTEENTH, EIGHTEENTH, NINETEENTH, TWENTIETH, TWENTYFIRST, TWENTYSECOND, TWENTYTHIRD, TWENTYFOURTH, TWENTYFIFTH, TWENTYSIXTH, TWENTYSEVENTH, TWENTYEIGHTH, TWENTYNINTH, THIRTIETH, THIRTYFIRST, THIRTYSECOND, THIRTYTHIRD, THIRTYFOURTH, THIRTYFIFTH, THIRTYSIXTH, THIRTYSEVENTH, THIRTYEIGHTH, THIRTYNINTH, FORTIETH, FORTYFIRST, FORTYSECOND, FORTYTHIRD, FORTYFOURTH, FORTYFIFTH, FORTYSIXTH, FORTYSEVENTH, FORTYEIGHTH, FORTYNINTH, FIFTIETH, FIFTYFIRST, FIFTYSECOND, FIFTYTHIRD, FIFTYFOURTH }

    record Gold(boolean relevant, String eventType, String direction, Set<String> elements, Set<String> groups,
                String cluster, String noiseKind, Set<Integer> failureClasses) {
    }

    record Labelled(NewsItem item, String language, Gold gold, Split split) {

        /** {@code en} or {@code zh}: the language figures are reported for. */
        String languageGroup() {
            return language != null && language.startsWith("zh") ? "zh" : "en";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealSet() {
    }

    /** The directory holding the texts, when it exists. */
    static Optional<Path> textDirectory() {
        String configured = System.getProperty("lodestone.realset.dir", System.getenv("LODESTONE_REALSET_DIR"));
        Path dir = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolveSibling("realset");
        return FILES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve("items-" + name + ".jsonl")))
                ? Optional.of(dir) : Optional.empty();
    }

    /** Every labelled item whose text is present. */
    static List<Labelled> load(Path textDirectory) {
        List<Labelled> items = new ArrayList<>();
        for (String name : FILES) {
            Map<String, JsonNode> texts = read(textDirectory.resolve("items-" + name + ".jsonl"));
            Map<String, JsonNode> labels = committedLabels(name).orElse(texts);
            for (Map.Entry<String, JsonNode> entry : labels.entrySet()) {
                JsonNode text = texts.get(entry.getKey());
                if (text != null) {
                    Labelled labelled = labelled(entry.getValue(), text);
                    int dash = name.indexOf('-');
                    Split later = dash < 0 ? null : Split.valueOf(name.substring(0, dash).toUpperCase(Locale.ROOT));
                    items.add(later == null ? labelled : new Labelled(labelled.item(), labelled.language(),
                            labelled.gold(), later));
                }
            }
        }
        return items;
    }

    static Split split(String cluster, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((cluster != null ? cluster : url).getBytes(StandardCharsets.UTF_8));
            return Byte.toUnsignedInt(digest[0]) % 10 < 4 ? Split.HELD_OUT : Split.TUNE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Map<String, JsonNode>> committedLabels(String name) {
        var resource = RealSet.class.getClassLoader().getResource("realset/labels-" + name + ".jsonl");
        if (resource == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(Path.of(resource.toURI())));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, JsonNode> read(Path file) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return byId;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    byId.put(node.get("id").asString(), node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    private static Labelled labelled(JsonNode label, JsonNode text) {
        JsonNode gold = label.get("gold");
        String url = label.get("url").asString();
        String cluster = text(gold, "cluster");
        String language = text(label, "language");
        String published = text(label, "publishedAt");
        NewsItem item = new NewsItem(label.get("id").asString(), text(label, "outlet"), text(text, "title"),
                text(text, "text"), url, published == null ? null : Instant.parse(published), language);
        Set<Integer> classes = new TreeSet<>();
        if (gold.hasNonNull("failureClasses")) {
            gold.get("failureClasses").forEach(n -> classes.add(n.asInt()));
        }
        return new Labelled(item, language, new Gold(gold.get("relevant").asBoolean(), gold.get("eventType").asString(),
                gold.get("direction").asString(), strings(gold.get("elements")), strings(gold.get("groups")), cluster,
                text(gold, "noiseKind"), classes), split(cluster, url));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> values.add(n.asString()));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
