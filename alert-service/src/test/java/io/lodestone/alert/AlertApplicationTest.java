package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against a real broker, provisions the topic it writes and is operable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
class AlertApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_app");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void startsWithProbesMetricsAndItsOutputTopic() {
        new ActuatorProbe(port).assertOperable("alert-service");

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            assertThat(kafka.topicConfig("alerts.v1", "cleanup.policy")).isEqualTo("delete");
        }
    }
}
