package io.lodestone.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.Story;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.dedupe.TermCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoded candidates share one copy of each word, so thousands of remembered stories do not each keep their own. */
class StoryJsonTest {

    @Test
    void twoDecodedCandidatesShareTheirCommonWords() {
        byte[] first = StoryJson.MAPPER.writeValueAsBytes(candidate("a", Map.of("gallium", 3, "licence", 2)));
        byte[] second = StoryJson.MAPPER.writeValueAsBytes(candidate("b", Map.of("gallium", 1, "smelter", 4)));

        StoryCandidate a = StoryJson.MAPPER.readValue(first, StoryCandidate.class);
        // many other words in between, more than the parser's own table of names keeps
        for (int batch = 0; batch < 20; batch++) {
            Map<String, Integer> others = new java.util.HashMap<>();
            for (int i = 0; i < 2_000; i++) {
                others.put("word" + batch + "x" + i, 1);
            }
            StoryJson.MAPPER.readValue(StoryJson.MAPPER.writeValueAsBytes(candidate("o" + batch, others)), StoryCandidate.class);
        }
        StoryCandidate b = StoryJson.MAPPER.readValue(second, StoryCandidate.class);

        String wordOfA = a.terms().keySet().stream().filter("gallium"::equals).findFirst().orElseThrow();
        String wordOfB = b.terms().keySet().stream().filter("gallium"::equals).findFirst().orElseThrow();
        assertThat(wordOfA).isSameAs(wordOfB);
        assertThat(b.terms()).containsEntry("gallium", 1).containsEntry("smelter", 4);
    }

    @Test
    void aDecodedStoryKeepsItsTermsCompactAndWritesThemAsAnObject() {
        StoryCandidate candidate = candidate("a", Map.of("gallium", 3, "licence", 2));
        Story story = new Story("evt-a", 1, "a", candidate.event(), List.of("host:a"), List.of("id:test|a"),
                candidate.terms(), List.of(), List.of(), null, null, candidate.event().publishedAt());

        String json = new String(StoryJson.MAPPER.writeValueAsBytes(story), java.nio.charset.StandardCharsets.UTF_8);
        Story decoded = StoryJson.MAPPER.readValue(json, Story.class);

        assertThat(json).contains("\"terms\":{\"gallium\":3,\"licence\":2}");
        assertThat(decoded.terms()).isInstanceOf(TermCounts.class).isEqualTo(Map.of("gallium", 3, "licence", 2));
        assertThat(decoded).isEqualTo(story);
    }

    @Test
    void aStoryKeepsItsOriginAndOneStoredBeforeOriginsWereKeptReadsWithout() {
        StoryCandidate candidate = candidate("a", Map.of("gallium", 3));
        Story story = new Story("evt-a", 1, "a", candidate.event(), List.of("host:a"), List.of("id:test|a"),
                candidate.terms(), List.of(), List.of(), null, null, candidate.event().publishedAt(), false, "push");

        String json = new String(StoryJson.MAPPER.writeValueAsBytes(story), java.nio.charset.StandardCharsets.UTF_8);
        Story decoded = StoryJson.MAPPER.readValue(json, Story.class);
        Story older = StoryJson.MAPPER.readValue(json.replace(",\"origin\":\"push\"", ""), Story.class);

        assertThat(json).contains("\"origin\":\"push\"");
        assertThat(decoded).isEqualTo(story);
        assertThat(older.origin()).isNull();
        assertThat(older.forgotten()).isFalse();
    }

    private static StoryCandidate candidate(String id, Map<String, Integer> terms) {
        Instant day = Instant.parse("2025-10-09T06:00:00Z");
        SupplyEventDetected event = new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-" + id, "push",
                null, id, day, day, "en", EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 3, 0.8, List.of(),
                List.of(), List.of(), List.of(), List.of(), 1);
        return new StoryCandidate(id, "host:" + id, List.of("id:test|" + id), true, event, terms, List.of());
    }
}
