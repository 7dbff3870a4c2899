package io.lodestone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.backfill.BulkImport;
import io.lodestone.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code import} command as an operator runs it beside a running service: it hands the items
 * to the story stage's topic and leaves the placing to the service. It must join none of the
 * service's consumer groups: a story-stage member in the command would rebalance the running
 * stage, restore the whole story store into the command and take part of the work, and leave
 * again at the end (a second rebalance). Without a Spring test context of its own: switching
 * contexts would pause and restart the context the service's other integration tests share.
 */
class ImportCommandIntegrationTest {

    private static final String CANDIDATES = "news-ingest-service.story-candidates";

    private static StandaloneBroker broker;

    @BeforeAll
    static void startABroker() {
        broker = StandaloneBroker.start(CANDIDATES);
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @Test
    void importHandsItemsToTheStoryStageWithoutJoiningAnyConsumerGroup(@TempDir Path dir) throws Exception {
        // Given a backfill file of two relevant items, one broken line and one that names its title
        // twice (read as its last value, it would be a third relevant item)
        Path file = dir.resolve("backfill.jsonl");
        Files.writeString(file, """
                {"id":"cmd-1","title":"China adds gallium and germanium to export licensing","text":"Exporters of gallium and germanium products will need a licence from August.","url":"https://backfill.example/cmd-ga-ge","publishedAt":"2023-07-03T10:00:00Z"}
                {"id":"cmd-0","title":"Weekend weather","url":"https://backfill.example/cmd-twice","title":"China bans antimony exports","text":"China banned exports of antimony from today.","publishedAt":"2024-09-15T10:00:00Z"}
                {"id":"cmd-2", "title":
                {"id":"cmd-3","title":"Graphite exports to need licences","text":"China said some graphite anode materials will require export licences from December.","url":"https://backfill.example/cmd-graphite","publishedAt":"2023-10-20T10:00:00Z"}
                """, StandardCharsets.UTF_8);

        // When the import command runs against the broker
        int exitCode = NewsIngestApplication.importItems(new String[] {file.toString(),
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.brokers(),
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + dir.resolve("state"),
                "--lodestone.api.tokens=import-test-token"});

        // Then it reports the broken lines, and both good items wait on the story stage's topic
        assertThat(exitCode).isEqualTo(BulkImport.Result.COMPLETE_WITH_REJECTED_LINES.exitCode());
        try (KafkaTestClient kafka = new KafkaTestClient(broker.brokers())) {
            assertThat(kafka.readAtLeast(CANDIDATES, 2, Duration.ofSeconds(60)))
                    .extracting(record -> record.value().contains("cmd-ga-ge") ? "ga-ge" : record.value().contains("cmd-graphite") ? "graphite" : "other")
                    .containsExactly("ga-ge", "graphite");
        }
        // And the command never joined a consumer group (the story stage's, the notice memory's, the overrides')
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.brokers()))) {
            assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                    .filteredOn(group -> group.startsWith("news-ingest-service"))
                    .isEmpty();
        }
    }
}
