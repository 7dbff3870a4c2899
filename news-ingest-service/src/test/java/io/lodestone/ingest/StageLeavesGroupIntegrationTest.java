package io.lodestone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stopped service's story stage leaves its consumer group at once, so a restarted or other
 * replica takes the stage over without waiting out the stopped member's session (45 seconds, in
 * which no item would be placed and no alert raised). Without a Spring test context of its own:
 * switching contexts would pause and restart the context the service's other integration tests share.
 */
class StageLeavesGroupIntegrationTest {

    private static final String GROUP = "news-ingest-service";

    private static StandaloneBroker broker;

    @BeforeAll
    static void startABroker() {
        broker = StandaloneBroker.start("news-ingest-service.story-candidates", Topics.SUPPLY_EVENTS.name());
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @Test
    void aStoppedServiceLeavesTheStoryStagesGroupAtOnce(@TempDir Path state) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.brokers()))) {
            // Given a running service whose story stage has joined its group
            ConfigurableApplicationContext service = new SpringApplicationBuilder(NewsIngestApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--spring.cloud.stream.kafka.binder.brokers=" + broker.brokers(),
                            "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + state,
                            "--lodestone.api.tokens=leave-test-token", "--lodestone.ingest.poll=false");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> members(admin) == 1);
            } finally {
                // When the service stops
                service.close();
            }

            // Then its member is gone well before a session would time out
            await().atMost(Duration.ofSeconds(10)).until(() -> members(admin) == 0);
        }
    }

    private static int members(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        return group == null ? 0 : group.members().size();
    }
}
