package io.lodestone.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.Topics;
import io.lodestone.testsupport.KafkaTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new deployment with {@code replay-at-start} on publishes the measures in force before it is
 * ready, each entry once, as written in the dataset; replaying again publishes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/ingest-measures-${random.uuid}",
        "lodestone.ingest.measures.replay-at-start=true"})
@EmbeddedKafka(partitions = 1, topics = "supply.events.v1")
class MeasuresAtStartIntegrationTest {

    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    @Autowired
    MeasuresReplay replay;

    @Test
    void firstStartPublishesEveryMeasureOnceAndASecondReplayPublishesNothing() throws Exception {
        List<String> dataset = MeasuresInForce.lines();
        try (KafkaTestClient kafka = new KafkaTestClient(embeddedKafka.getBrokersAsString())) {
            // Given the service has started on a fresh topic (the replay runs before the context is ready)
            List<ConsumerRecord<String, String>> first = kafka.readAll(Topics.SUPPLY_EVENTS.name(), QUIET);

            // Then every entry is on the topic once, as written, keyed and identified by its event id
            assertThat(first).extracting(ConsumerRecord::value).containsExactlyElementsOf(dataset);
            assertThat(first).allSatisfy(record -> {
                String eventId = JSON.readTree(record.value()).get("eventId").asString();
                CloudEvents attributes = CloudEvents.fromHeaders(headers(record));
                assertThat(record.key()).isEqualTo(eventId);
                assertThat(attributes.id()).isEqualTo(eventId);
                assertThat(attributes.source()).isEqualTo(MeasuresReplay.SOURCE);
                assertThat(attributes.type()).isEqualTo("io.lodestone.supply.event.detected.v1");
            });

            // When the dataset is replayed again (a restart, or the seed command)
            MeasuresReplay.Result again = replay.replay(Duration.ofSeconds(60));

            // Then nothing is published: every id is already on the topic
            assertThat(again).isEqualTo(new MeasuresReplay.Result(0, dataset.size()));
            assertThat(kafka.readAll(Topics.SUPPLY_EVENTS.name(), QUIET)).hasSameSizeAs(dataset);
        }
    }

    private static Map<String, byte[]> headers(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
