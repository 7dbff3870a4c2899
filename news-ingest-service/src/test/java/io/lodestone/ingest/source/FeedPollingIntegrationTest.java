package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.Topics;
import io.lodestone.ingest.IngestIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds served over local HTTP end up as supply events on the real broker; a hostile feed harms nothing. */
class FeedPollingIntegrationTest extends IngestIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void relevantFeedItemsArePublishedWithCloudEventsHeadersAndNoiseIsNot() {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.SUPPLY_EVENTS.name(),
                read -> urls(read).containsAll(List.of("https://notices.example.org/2025/18",
                        "https://notices.example.org/2025/gallium", "https://industry.example.org/2025/07/mp-dod")),
                Duration.ofSeconds(60));

        assertThat(urls(records)).doesNotContain("https://notices.example.org/health/ward");
        JsonNode controls = byUrl(records, "https://notices.example.org/2025/18");
        assertThat(controls.get("eventType").asString()).isEqualTo("EXPORT_RESTRICTION");
        assertThat(controls.get("sourceId").asString()).isEqualTo("notices");
        assertThat(controls.get("elements").toString()).contains("\"Dy\"", "\"Tb\"");
        assertThat(byUrl(records, "https://notices.example.org/2025/gallium").get("title").asString())
                .isEqualTo("Gallium export licences tightened again");
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(first.key()).isEqualTo(JSON.readTree(first.value()).get("eventId").asString());
        assertThat(new String(first.headers().lastHeader(CloudEvents.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("io.lodestone.supply.event.detected.v1");
    }

    @Test
    void hostileFeedIsReportedFailingWhileTheServiceStaysHealthy() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/v1/sources", TOKEN).body())
                .contains("\"id\":\"hostile\"").contains("not a readable RSS/Atom feed"));

        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).body())
                .contains("lodestone_ingest_source_failures_total{application=\"news-ingest-service\",source=\"hostile\"}");
    }

    private static List<String> urls(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> JSON.readTree(r.value()).path("url").asString("")).toList();
    }

    private static JsonNode byUrl(List<ConsumerRecord<String, String>> records, String url) {
        return records.stream().map(r -> JSON.readTree(r.value())).filter(n -> url.equals(n.path("url").asString("")))
                .findFirst().orElseThrow();
    }
}
