package io.lodestone.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The story stage's memory is shared out by origin: every pushed item counts as {@code push},
 * whatever source it names, so a client that names a new source with every item cannot make the
 * stage forget a feed's stories.
 */
class PushedStoryMemoryTest {

    private static final List<String> METALS = List.of("germanium", "antimony", "tungsten", "cobalt", "nickel",
            "lithium", "dysprosium", "terbium", "neodymium", "samarium", "indium", "bismuth", "tellurium",
            "molybdenum", "manganese", "chromium", "niobium", "tantalum");

    private final List<SupplyEventDetected> published = new CopyOnWriteArrayList<>();
    private final IngestPipeline pipeline = new IngestPipeline(new Extractor(),
            new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 5), published::add),
            new SimpleMeterRegistry(), Clock.systemUTC(), Set.of("mofcom-notices", "customs-wire")::contains);

    @Test
    void pushesUnderEverChangingSourceNamesForgetPushedStoriesNotAFeeds() {
        // Given two stories of a polled feed in a stage with room for five
        NewsItem gallium = item("mofcom-1", "mofcom-notices", "https://mofcom.example/1", "gallium");
        NewsItem graphite = item("mofcom-2", "mofcom-notices", "https://mofcom.example/2", "graphite");
        assertThat(pipeline.process(gallium).status()).isEqualTo(ItemOutcome.Status.PUBLISHED);
        assertThat(pipeline.process(graphite).status()).isEqualTo(ItemOutcome.Status.PUBLISHED);

        // When a client pushes eighteen stories, each under a source name of its own
        for (int i = 0; i < METALS.size(); i++) {
            NewsItem pushed = item("pushed-" + i, "client-source-" + i, "https://push" + i + ".example/a", METALS.get(i));
            assertThat(pipeline.process(pushed).status()).isEqualTo(ItemOutcome.Status.PUBLISHED);
        }

        // Then the feed's gallium story is still known: a second outlet's report corroborates it
        // instead of publishing the ban as a new event
        ItemOutcome retold = pipeline.process(item("customs-9", "customs-wire", "https://customs.example/9", "gallium"));
        assertThat(retold.status()).isEqualTo(ItemOutcome.Status.CORROBORATED);
        assertThat(retold.event().corroborations()).isEqualTo(2);
        // and the feed listing its graphite notice again publishes nothing
        int before = published.size();
        assertThat(pipeline.process(graphite).status()).isEqualTo(ItemOutcome.Status.DUPLICATE);
        assertThat(published).hasSize(before);
        // while the first pushed stories were forgotten: the same push again is news again
        assertThat(pipeline.process(item("pushed-0", "client-source-0", "https://push0.example/a", METALS.get(0)))
                .status()).isEqualTo(ItemOutcome.Status.PUBLISHED);
    }

    private static NewsItem item(String id, String source, String url, String metal) {
        return new NewsItem(id, source, "China bans exports of " + metal + " to the United States",
                "The commerce ministry said exports of " + metal + " to the United States are banned from today.",
                url, Instant.parse("2026-11-20T08:00:00Z"), "en");
    }
}
