package io.lodestone.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.Topics;
import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.StandaloneBroker;
import io.lodestone.testsupport.KafkaTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start step on a real broker: on a fresh topic it publishes every measure in force once, as
 * written in the dataset; replaying again publishes nothing, also past a transaction's marker.
 * Without a Spring context of its own: switching contexts would pause and restart the context the
 * service's other integration tests share.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeasuresAtStartIntegrationTest {

    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StandaloneBroker broker;

    @BeforeAll
    static void startABroker() {
        broker = StandaloneBroker.start(Topics.SUPPLY_EVENTS.name());
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void aStartWithTheSettingOffPublishesNothing() throws Exception {
        // The step always exists (the context is processed ahead of time); the setting decides at run time
        try (KafkaTestClient kafka = new KafkaTestClient(broker.brokers())) {
            new MeasuresAtStart(replay(), properties("false")).run(null);

            assertThat(kafka.readAll(Topics.SUPPLY_EVENTS.name(), QUIET)).isEmpty();
        }
    }

    @Test
    @Order(2)
    void firstStartPublishesEveryMeasureOnceAndASecondReplayPublishesNothing() throws Exception {
        List<String> dataset = MeasuresInForce.lines();
        MeasuresReplay replay = replay();
        IngestProperties properties = properties("true");

        try (KafkaTestClient kafka = new KafkaTestClient(broker.brokers())) {
            // Given a fresh topic, when the service runs its start step
            new MeasuresAtStart(replay, properties).run(null);

            // Then every entry is on the topic once, as written, keyed and identified by its event id
            List<ConsumerRecord<String, String>> first = kafka.readAll(Topics.SUPPLY_EVENTS.name(), QUIET);
            assertThat(first).extracting(ConsumerRecord::value).containsExactlyElementsOf(dataset);
            assertThat(first).allSatisfy(record -> {
                String eventId = JSON.readTree(record.value()).get("eventId").asString();
                CloudEvents attributes = CloudEvents.fromHeaders(headers(record));
                assertThat(record.key()).isEqualTo(eventId);
                assertThat(attributes.id()).isEqualTo(eventId);
                assertThat(attributes.source()).isEqualTo(MeasuresReplay.SOURCE);
                assertThat(attributes.type()).isEqualTo("io.lodestone.supply.event.detected.v1");
            });

            // And the story stage has since published an event in a transaction, as it does
            publishInATransaction("story-event-1");

            // When the dataset is replayed again (a restart, or the seed command)
            MeasuresReplay.Result again = replay.replay(Duration.ofSeconds(60));

            // Then nothing is published: every id is already on the topic (read past the transaction's marker)
            assertThat(again).isEqualTo(new MeasuresReplay.Result(0, dataset.size()));
            assertThat(kafka.readAll(Topics.SUPPLY_EVENTS.name(), QUIET)).hasSize(dataset.size() + 1);
        }
    }

    private static MeasuresReplay replay() {
        return new MeasuresReplay(new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", broker.brokers()), JSON);
    }

    private static IngestProperties properties(String replayAtStart) {
        return Binder.get(new MockEnvironment().withProperty("lodestone.ingest.measures.replay-at-start", replayAtStart))
                .bindOrCreate("lodestone.ingest", IngestProperties.class);
    }

    private static void publishInATransaction(String key) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.brokers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "measures-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), key, "{}"));
            producer.commitTransaction();
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
