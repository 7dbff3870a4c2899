package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/** The embedded KRaft broker carries a contract record, headers and all, from producer to consumer. */
@EmbeddedKafka(partitions = 1)
class EmbeddedKafkaBrokerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void contractRecordTravelsThroughRealBrokerWithCloudEventsHeaders(EmbeddedKafkaBroker broker) {
        ElementRiskChanged risk = new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Ga", 64.0,
                RiskLevel.HIGH, 31.0, RiskLevel.GUARDED, 31.0, Instant.parse("2023-07-04T00:00:00Z"), List.of());
        CloudEvents attributes = KafkaTestClient.attributesFor(risk, "/lodestone/test");

        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            kafka.createTopic(Topics.ELEMENT_RISK.name(), 1, Topics.ELEMENT_RISK.compacted());
            kafka.send(Topics.ELEMENT_RISK.name(), "Ga", JSON.writeValueAsString(risk), attributes);

            ConsumerRecord<String, String> received =
                    kafka.readAtLeast(Topics.ELEMENT_RISK.name(), 1, Duration.ofSeconds(30)).get(0);

            assertThat(received.key()).isEqualTo("Ga");
            assertThat(JSON.readValue(received.value(), ElementRiskChanged.class)).isEqualTo(risk);
            assertThat(CloudEvents.fromHeaders(headersOf(received))).isEqualTo(attributes);
        }
    }

    private static Map<String, byte[]> headersOf(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
