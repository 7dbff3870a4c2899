package io.lodestone.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topics;
import io.lodestone.ingest.IngestIntegrationTest;
import io.lodestone.ingest.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline {@code extract --dedupe} command and the running service, given the same items in
 * the same order, publish the same events: same ids, types, elements and corroborations. The
 * items are dated after everything the test feeds serve, so that the service's pollers, whose
 * items may reach the story stage between these, cannot move its story clock past them.
 */
class OfflineEqualsServiceIntegrationTest extends IngestIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ITEMS = List.of(
            """
            {"id":"off-1","title":"China adds tungsten, tellurium and bismuth to export controls","text":"The commerce ministry said exporters of tungsten, tellurium and bismuth products will need licences, citing national security.","url":"https://one.example.com/w-te-bi","publishedAt":"2025-11-04T08:00:00Z"}""",
            """
            {"id":"off-2","title":"Beijing puts licence rule on tungsten, tellurium, bismuth exports","text":"Exporters of tungsten, tellurium and bismuth must now apply to the commerce ministry for licences, the ministry said, citing national security.","url":"https://two.example.org/licences","publishedAt":"2025-11-04T11:00:00Z"}""",
            """
            {"id":"off-3","title":"Rare coin auction sets record","text":"A rare coin sold for a record price at auction.","url":"https://three.example.net/coin","publishedAt":"2025-11-04T12:00:00Z"}""",
            """
            {"id":"off-4","title":"China bans exports of gallium to the United States","text":"China's commerce ministry said exports of gallium to the United States are banned, citing national security and dual-use concerns.","url":"https://four.example.gov/gallium","publishedAt":"2025-11-05T08:00:00Z"}""",
            """
            {"id":"off-5","title":"China bans exports of germanium to the United States","text":"China's commerce ministry said exports of germanium to the United States are banned, citing national security and dual-use concerns.","url":"https://four.example.gov/germanium","publishedAt":"2025-11-05T08:05:00Z"}""",
            // a retelling of off-1 the extractor misses ("issues notice on … exports"): found not
            // relevant, it still counts as a third outlet of the tungsten story
            """
            {"id":"off-6","title":"Beijing issues notice on tungsten, tellurium and bismuth exports","text":"The commerce ministry's notice puts tungsten, tellurium and bismuth products under licensing. Exporters of the three metals need a licence, the ministry said, citing national security.","url":"https://six.example.com/notice","publishedAt":"2025-11-05T09:00:00Z"}""");

    @Test
    void offlineCommandPublishesWhatTheServicePublishes() {
        List<String> statuses = new ArrayList<>();
        for (String item : ITEMS) {
            var response = post("/api/v1/items", item, TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            statuses.add(JSON.readTree(response.body()).path("status").asString());
        }
        Set<String> urls = Set.of("one.example.com", "two.example.org", "four.example.gov");
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.SUPPLY_EVENTS.name(),
                read -> read.stream().filter(r -> r.value().contains("four.example.gov/germanium")).count() == 1
                        && read.stream().anyMatch(r -> r.value().contains("\"corroborations\":3")),
                Duration.ofSeconds(60));
        List<String> service = records.stream().map(r -> JSON.readTree(r.value()))
                .filter(event -> urls.stream().anyMatch(host -> event.path("url").asString("").contains(host)))
                .map(OfflineEqualsServiceIntegrationTest::essence).toList();

        List<String> offline = new ArrayList<>();
        for (JsonNode line : runOffline()) {
            String status = line.get("status").asString();
            if (status.equals("PUBLISHED") || status.equals("CORROBORATED")) {
                offline.add(essence(line));
            }
        }

        assertThat(offline).hasSize(5);
        assertThat(offline.get(4)).as("the missed retelling").endsWith("corroborations=3");
        assertThat(service).containsExactlyElementsOf(offline);
        assertThat(statuses).as("what a client pushing them is told")
                .containsExactly("ACCEPTED", "ACCEPTED", "NOT_RELEVANT", "ACCEPTED", "ACCEPTED", "NOT_RELEVANT");
    }

    private static String essence(JsonNode event) {
        return event.get("eventId").asString() + " " + event.get("eventType").asString() + " " + event.get("elements")
                + " " + event.get("publishedAt").asString() + " corroborations=" + event.get("corroborations").asInt();
    }

    private static List<JsonNode> runOffline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = (String.join("\n", ITEMS).replace("\"id\"", "\"source\":\"push\",\"id\"") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        new ExtractCommand(new Extractor(), Clock.systemUTC()).run(List.of("--dedupe"), new ByteArrayInputStream(in), out,
                new ByteArrayOutputStream());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
