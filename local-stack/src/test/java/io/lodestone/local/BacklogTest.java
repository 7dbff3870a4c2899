package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's drain measure on a real broker: a stage reading a transactional topic has
 * drained when it consumed every record, although its committed offset stays one short of the
 * end (the commit marker), and has not while a record waits; groups nobody is a member of any
 * more do not count.
 */
class BacklogTest {

    @TempDir
    static Path data;
    private static LoneBroker broker;

    @BeforeAll
    static void startABroker() throws Exception {
        broker = LoneBroker.start(data);
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @Test
    void aStageHasDrainedWhenItConsumedEveryRecordMarkersAside() throws Exception {
        String topic = "backlog-" + UUID.randomUUID();
        try (Backlog backlog = new Backlog(broker.bootstrap());
             KafkaConsumer<String, String> stage = consumer("stage-" + topic)) {
            // Given three records written in a transaction (its commit marker takes a fourth offset)
            try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic))) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i));
                }
                producer.commitTransaction();
            }
            stage.subscribe(List.of(topic));

            // When a running stage has read two of them (one a poll), it has not drained
            int read = 0;
            while (read < 2) {
                read += stage.poll(Duration.ofMillis(200)).count();
                if (read > 0) {
                    stage.commitSync();
                }
            }
            assertThat(backlog.drained()).as("a record left").isFalse();
            // When it has read and committed all three, it has drained though its offset is one short of the end
            while (read < 3) {
                read += stage.poll(Duration.ofMillis(200)).count();
            }
            stage.commitSync();
            assertThat(backlog.drained()).as("only the marker left").isTrue();

            // When one more record arrives, it has not; when the stage has read it, it has
            try (KafkaProducer<String, String> producer = producer(Map.of())) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v3")).get();
            }
            assertThat(backlog.drained()).as("a new record waits").isFalse();
            while (stage.poll(Duration.ofMillis(200)).isEmpty()) {
                // until it arrives
            }
            stage.commitSync();
            assertThat(backlog.drained()).as("the new record read").isTrue();
        }
        // And a group whose members are all gone does not count, whatever it left unread
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "v4")).get();
        }
        try (Backlog backlog = new Backlog(broker.bootstrap())) {
            assertThat(backlog.awaitDrained(Duration.ofSeconds(30))).as("the gone stage's group is left out").isPresent();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1), new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
