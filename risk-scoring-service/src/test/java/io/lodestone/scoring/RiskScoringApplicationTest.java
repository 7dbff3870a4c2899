package io.lodestone.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The service starts against a real broker, provisions the topic it writes and is operable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class RiskScoringApplicationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void startsWithProbesMetricsAndItsOutputTopic() {
        // Readiness includes the Kafka Streams binder, which is ready once the stream runs.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> new ActuatorProbe(port).assertOperable("risk-scoring-service"));

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            assertThat(kafka.topicConfig("element.risk.v1", "cleanup.policy")).isEqualTo("compact");
        }
    }
}
