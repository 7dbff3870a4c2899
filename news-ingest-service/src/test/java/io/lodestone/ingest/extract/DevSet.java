package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The labelled development set under {@code src/test/resources/devset/}. */
final class DevSet {

    record Gold(boolean relevant, Set<String> elements, String eventType, String direction) {
    }

    record Labelled(NewsItem item, Gold gold) {
    }

    private DevSet() {
    }

    static List<Labelled> load(String split) {
        JsonMapper json = JsonMapper.builder().build();
        String resource = "devset/" + split + ".jsonl";
        List<Labelled> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                DevSet.class.getClassLoader().getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                JsonNode gold = node.get("gold");
                Set<String> elements = new TreeSet<>();
                gold.get("elements").forEach(e -> elements.add(e.asString()));
                NewsItem item = new NewsItem(node.get("id").asString(), "devset", node.get("title").asString(),
                        node.get("text").asString(), node.hasNonNull("url") ? node.get("url").asString() : null,
                        Instant.parse(node.get("publishedAt").asString()),
                        node.hasNonNull("language") ? node.get("language").asString() : null);
                items.add(new Labelled(item, new Gold(gold.get("relevant").asBoolean(), elements,
                        gold.get("eventType").asString(), gold.get("direction").asString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
