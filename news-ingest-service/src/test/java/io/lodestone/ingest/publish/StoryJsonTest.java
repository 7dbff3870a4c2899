package io.lodestone.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.Story;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.dedupe.TermCounts;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.Stories;
import io.lodestone.ingest.dedupe.StoryDecision;
import io.lodestone.ingest.dedupe.StoryLinker;
import io.lodestone.ingest.extract.EventIds;
import io.lodestone.ingest.item.NewsItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The caps on an item's URL and ids count characters, and a Chinese character is three bytes of
     * UTF-8: a story told by a few hundred pushed items with long Chinese URLs grew its stored form,
     * one changelog record, to 949 KB of the broker's 1 MB.
     */
    @Test
    void aStoryToldByHundredsOfItemsWithLongChineseUrlsAndIdsStaysFarUnderTheRecordLimit() {
        Stories store = Stories.inMemory();
        StoryLinker linker = new StoryLinker(LinkRules.standard(Duration.ofDays(3), 100), store);
        String text = "商务部公告镓锗出口管制，相关物项出口须申请许可。".repeat(2_000);
        List<StoryCandidate> told = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // a host name as long as a name may be, and a path and an id as long as an item may carry
            String host = ("稀土新闻" + i).repeat(60).substring(0, 240) + ".中国";
            String url = "https://" + host + "/" + ("镓锗出口管制公告全文" + i).repeat(200).substring(0, 1_700);
            NewsItem item = new NewsItem(("编号" + i).repeat(200).substring(0, 480) + i, "push",
                    "商务部：对镓锗相关物项实施出口管制", text, url, Instant.parse("2023-07-03T08:00:00Z"), "zh");
            told.add(StoryCandidate.of(item, event("g" + i), "push"));
            linker.link(told.get(i));
        }

        List<Story> stored = new ArrayList<>();
        store.forEach(stored::add);
        assertThat(stored).hasSize(1);
        Story story = stored.get(0);
        int bytes = StoryJson.MAPPER.writeValueAsBytes(story).length;

        assertThat(story.identities()).hasSize(256);
        assertThat(story.outlets()).hasSize(256);
        assertThat(bytes).as("bytes of the story's changelog record").isLessThan(200 * 1024);
        // the same item sent again is still known
        assertThat(linker.link(told.get(399)).outcome()).isEqualTo(StoryDecision.Outcome.DUPLICATE);
    }

    @Test
    void aStoryStoredWithALongIdentityBeforeReadsBackWithItsDigestAndKnowsTheSameItem() {
        String url = "https://新闻.example/" + "镓锗出口管制".repeat(100);
        StoryCandidate candidate = StoryCandidate.of(new NewsItem("a", "push", "镓锗出口管制", "商务部公告镓锗出口管制。", url,
                Instant.parse("2023-07-03T08:00:00Z"), "zh"), event("a"), "push");
        Story story = new Story("evt-a", 1, "a", candidate.event(), List.of("host:a"), List.of("url:short"),
                candidate.terms(), List.of(), List.of(), null, null, candidate.event().publishedAt());
        String json = new String(StoryJson.MAPPER.writeValueAsBytes(story), StandardCharsets.UTF_8);

        // as a record written before identities were bounded holds it
        Story older = StoryJson.MAPPER.readValue(json.replace("url:short", "url:" + EventIds.canonicalUrl(url)), Story.class);

        assertThat(candidate.identities().get(0)).startsWith("url:sha256:").hasSize(54);
        assertThat(older.identities()).containsExactly(candidate.identities().get(0));
    }

    private static SupplyEventDetected event(String id) {
        Instant day = Instant.parse("2023-07-03T08:00:00Z");
        return new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-" + id, "push",
                null, id, day, day, "zh", EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 3, 0.8, List.of("Ga", "Ge"),
                List.of(), List.of(), List.of(), List.of(), 1);
    }

    private static StoryCandidate candidate(String id, Map<String, Integer> terms) {
        Instant day = Instant.parse("2025-10-09T06:00:00Z");
        SupplyEventDetected event = new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-" + id, "push",
                null, id, day, day, "en", EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 3, 0.8, List.of(),
                List.of(), List.of(), List.of(), List.of(), 1);
        return new StoryCandidate(id, "host:" + id, List.of("id:test|" + id), true, event, terms, List.of());
    }
}
