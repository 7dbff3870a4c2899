package io.lodestone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.publish.StoryTopology;
import java.time.Duration;
import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The service starts against a real broker, provisions the topics it writes and is operable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/ingest-stories-${random.uuid}"})
@EmbeddedKafka(partitions = 1)
class NewsIngestApplicationTest {

    @LocalServerPort
    int port;

    /**
     * This context's broker, from the bean rather than the {@code spring.embedded.kafka.brokers}
     * system property, which another test class's broker may have changed since the context started.
     */
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    @Test
    void startsWithProbesMetricsAndItsOutputTopic() {
        new ActuatorProbe(port).assertOperable("news-ingest-service");

        try (KafkaTestClient kafka = new KafkaTestClient(embeddedKafka.getBrokersAsString())) {
            // the story stage provisions its topics as it starts, after the web server
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(kafka.topicConfig("supply.events.v1", "cleanup.policy")).isEqualTo("delete");
                assertThat(kafka.topicConfig(StoryTopology.CANDIDATES, "cleanup.policy")).isEqualTo("delete");
            });
        }
    }
}
