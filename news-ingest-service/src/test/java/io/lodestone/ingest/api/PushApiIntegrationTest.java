package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topics;
import io.lodestone.ingest.IngestIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items pushed over HTTP are extracted, handed to the story stage on the real broker (answered
 * {@code ACCEPTED} with the extraction once the broker has them), and published as stories.
 */
class PushApiIntegrationTest extends IngestIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ANTIMONY = """
            {"id":"push-sb-1","title":"China tightens antimony exports",
             "text":"Beijing said antimony ingots and oxides will need an export licence from next month, a move that squeezes ammunition and flame-retardant makers.",
             "url":"https://wire.example.org/sb-1","publishedAt":"2024-08-15T08:00:00Z"}""";

    @Test
    void pushedItemIsAcceptedThenPublishedOnceHoweverOftenItIsPushed() {
        HttpResponse<String> response = post("/api/v1/items", ANTIMONY, TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(response.body());
        assertThat(outcome.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(outcome.at("/event/elements").toString()).contains("\"Sb\"");
        String eventId = outcome.at("/event/eventId").asString();
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.SUPPLY_EVENTS.name(),
                read -> read.stream().anyMatch(r -> eventId.equals(r.key())), Duration.ofSeconds(30));
        assertThat(records).filteredOn(r -> eventId.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"sourceId\":\"push\""));

        HttpResponse<String> again = post("/api/v1/items", ANTIMONY, TOKEN);
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("ACCEPTED");
        post("/api/v1/items", ANTIMONY.replace("push-sb-1", "after-copy").replace("sb-1", "after-copy")
                .replace("antimony", "germanium"), TOKEN);
        List<ConsumerRecord<String, String>> later = kafka.readUntil(Topics.SUPPLY_EVENTS.name(),
                read -> read.stream().anyMatch(r -> r.value().contains("wire.example.org/after-copy")), Duration.ofSeconds(30));
        assertThat(later).filteredOn(r -> eventId.equals(r.key())).hasSize(1);
    }

    @Test
    void arrayInArrayOut() {
        HttpResponse<String> response = post("/api/v1/items", """
                [{"id":"arr-1","title":"Rare coin auction sets record","text":"A rare coin sold for a record price at auction."},
                 {"id":"arr-2","title":"Strike halts work at Lynas rare earths plant in Malaysia",
                  "text":"Workers at the Kuantan separation plant walked out, halting output of neodymium and praseodymium oxide.",
                  "publishedAt":"2025-03-01T00:00:00Z"}]""", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode outcomes = JSON.readTree(response.body());
        assertThat(outcomes.get(0).get("status").asString()).isEqualTo("NOT_RELEVANT");
        assertThat(outcomes.get(1).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void dryRunExtractsWithoutPublishing() {
        String item = """
                {"id":"dry-1","title":"Tungsten and bismuth join China's export control list",
                 "url":"https://wire.example.org/dry-1","publishedAt":"2025-02-04T00:00:00Z"}""";

        JsonNode outcome = JSON.readTree(post("/api/v1/extract", item, TOKEN).body());
        assertThat(outcome.get("status").asString()).isEqualTo("EXTRACTED");
        String eventId = outcome.at("/event/eventId").asString();

        post("/api/v1/items", ANTIMONY.replace("push-sb-1", "barrier").replace("sb-1", "barrier")
                .replace("antimony", "tungsten"), TOKEN);
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.SUPPLY_EVENTS.name(),
                read -> read.stream().anyMatch(r -> r.value().contains("wire.example.org/barrier")), Duration.ofSeconds(30));
        assertThat(records).noneMatch(r -> eventId.equals(r.key()));
    }

    @Test
    void writesNeedAToken() {
        HttpResponse<String> response = post("/api/v1/items", ANTIMONY, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void badFieldsAreNamedAndNothingIsPublished() {
        HttpResponse<String> response = post("/api/v1/items",
                "[{\"title\":\"ok item about dysprosium export licences\"},{\"title\":7,\"publishedAt\":\"soon\"}]", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"[1].title\"").contains("\"field\":\"[1].publishedAt\"")
                .contains("No item was accepted");
    }

    @Test
    void malformedJsonIsAProblemDetail() {
        HttpResponse<String> response = post("/api/v1/items", "{\"title\": ", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
