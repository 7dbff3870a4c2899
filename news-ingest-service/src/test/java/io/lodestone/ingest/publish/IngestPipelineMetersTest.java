package io.lodestone.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The item counters are tagged with a bounded set of sources, whatever sources pushed items name. */
class IngestPipelineMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<SupplyEventDetected> published = new CopyOnWriteArrayList<>();
    private final IngestPipeline pipeline = new IngestPipeline(new Extractor(),
            new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), published::add), meters,
            Clock.systemUTC(), "mofcom-notices"::equals);

    @Test
    void pushedItemsCountUnderPushWhateverSourceTheyNameAndPolledOnesUnderTheirSource() {
        // Given a polled item, an imported one and two hundred pushed items naming two hundred sources
        pipeline.process(item("polled-1", "mofcom-notices", "gallium"));
        pipeline.process(item("imported-1", IngestPipeline.IMPORTED, "germanium"));
        for (int i = 0; i < 200; i++) {
            pipeline.process(item("pushed-" + i, "client-source-" + i, i % 2 == 0 ? "antimony" : "a rare disease"));
        }

        // Then the counters hold three sources, and every pushed item is counted under "push"
        Set<String> sources = meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("lodestone.ingest.items"))
                .map(meter -> meter.getId().getTag("source")).collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder("mofcom-notices", "import", "push");
        double pushed = meters.find("lodestone.ingest.items").tag("source", "push").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
        assertThat(pushed).isEqualTo(200);
        assertThat(meters.getMeters()).extracting(Meter::getId).hasSizeLessThan(20);
    }

    private static NewsItem item(String id, String source, String subject) {
        return new NewsItem(id, source, "China bans exports of " + subject + " to the United States",
                "The commerce ministry said exports of " + subject + " to the United States are banned from today.",
                "https://news.example.org/" + id, Instant.parse("2026-11-20T08:00:00Z"), "en");
    }
}
