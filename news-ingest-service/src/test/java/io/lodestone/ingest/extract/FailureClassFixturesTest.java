package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.SupplyEventDetected;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row per fixture of {@code failure-classes/fixtures.jsonl}: our own short paraphrases of each
 * way real reporting fooled the extractor (the numbered failure classes of the quality notes), in
 * English and Chinese. Each must come out as labelled: relevant or not, and for relevant items the
 * event type, direction and the specific elements.
 */
class FailureClassFixturesTest {

    private static final Extractor EXTRACTOR = new Extractor();
    /** Undated fixtures are read as if extracted now; dated ones carry their own date. */
    private static final Instant DETECTED = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void everyFixtureHasItsOwnId() {
        List<Object> ids = fixtures().map(a -> a.get()[0]).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "class {1}: {0} {2}")
    @MethodSource("fixtures")
    void comesOutAsLabelled(String id, int failureClass, String title, NewsItem item, JsonNode gold) {
        SupplyEventDetected event = EXTRACTOR.extract(item, DETECTED).event();
        boolean relevant = EXTRACTOR.extract(item, DETECTED).relevant();

        assertThat(relevant).as("relevant").isEqualTo(gold.get("relevant").asBoolean());
        assertThat(event.eventType().name()).as("event type").isEqualTo(gold.get("eventType").asString());
        assertThat(event.direction().name()).as("direction").isEqualTo(gold.get("direction").asString());
        if (relevant) {
            Set<String> elements = new TreeSet<>();
            gold.get("elements").forEach(e -> elements.add(e.asString()));
            assertThat(new TreeSet<>(event.elements())).as("elements").isEqualTo(elements);
        }
    }

    static Stream<Arguments> fixtures() {
        JsonMapper json = JsonMapper.builder().build();
        String resource = "failure-classes/fixtures.jsonl";
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                FailureClassFixturesTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.get("id").asString();
                NewsItem item = new NewsItem(id, "fixture", node.get("title").asString(), node.get("text").asString(),
                        null, node.hasNonNull("publishedAt") ? Instant.parse(node.get("publishedAt").asString()) : null,
                        null);
                rows.add(Arguments.of(id, node.get("failureClass").asInt(), item.title(), item, node.get("gold")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream();
    }
}
