package io.lodestone.scoring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Direction;
import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.scoring.RiskScoringProperties;
import io.lodestone.scoring.model.Events;
import io.lodestone.scoring.model.RiskEngine;
import io.lodestone.scoring.stream.Json;
import io.lodestone.scoring.stream.RiskTopology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.tools.ConsumerPerformance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Sustained events/s through the real topology (exactly-once, RocksDB store, repartition by
 * element) on a real embedded KRaft broker, beside the broker's raw consumer rate measured in the
 * same run with Kafka's own ConsumerPerformance. Not part of the normal test run (its name does
 * not end in Test); run it with
 * {@code ./mvnw -B -q -pl risk-scoring-service test -Dtest=ThroughputBenchmark -Dbenchmark.events=100000}.
 * Results go to the log and to {@code target/benchmark.txt}.
 */
class ThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ThroughputBenchmark.class);
    private static final String APPLICATION_ID = "risk-scoring-benchmark";

    @Test
    void measureSustainedEventsPerSecond() throws Exception {
        int count = Integer.getInteger("benchmark.events", 100_000);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1)
                .brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Path stateDir = Files.createTempDirectory("kstreams-bench-");
        try {
            String brokers = broker.getBrokersAsString();
            createTopics(brokers);
            long produceMillis = produce(brokers, count);
            String rawReport = rawConsumerRate(brokers, count);

            RiskTopology topology = new RiskTopology(RiskEngine.standard(RiskScoringProperties.DEFAULT_PUBLISH_STEP),
                    RiskScoringProperties.DEFAULT_DECAY_INTERVAL, RiskScoringProperties.DEFAULT_SOURCE);
            try (KafkaStreams streams = new KafkaStreams(topology.build(RiskTopology.StoreKind.PERSISTENT),
                    streamsProperties(brokers, stateDir))) {
                long started = System.nanoTime();
                streams.start();
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> committed(brokers) >= count);
                double seconds = (System.nanoTime() - started) / 1e9;
                String result = String.format(java.util.Locale.ROOT,
                        "BENCHMARK events=%d produce=%.0f ev/s topology(EOS v2, RocksDB, repartition, incl. start-up)=%.0f ev/s"
                                + " in %.1f s; ConsumerPerformance: %s; cores=%d",
                        count, count / (produceMillis / 1000.0), count / seconds, seconds, rawReport.strip(),
                        Runtime.getRuntime().availableProcessors());
                log.info(result);
                Files.writeString(Path.of("target/benchmark.txt"), result + System.lineSeparator());
                assertThat(count / seconds).isPositive();
            }
        } finally {
            broker.destroy();
        }
    }

    private static void createTopics(String brokers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(Topics.SUPPLY_EVENTS.name(), 1, (short) 1),
                    new NewTopic(Topics.ELEMENT_RISK.name(), 1, (short) 1),
                    new NewTopic(Topics.SUPPLY_EVENTS.deadLetterTopic(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Realistic events: one to three named elements, mixed types and directions, unique ids. */
    private static long produce(String brokers, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> symbols = Elements.all().stream().map(Element::symbol).toList();
        EventType[] types = {EventType.EXPORT_RESTRICTION, EventType.PRODUCTION_DISRUPTION, EventType.PRICE_MOVE,
                EventType.NEW_SUPPLY, EventType.EXPORT_RESTRICTION_EASED};
        Random random = new Random(42);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                EventType type = types[random.nextInt(types.length)];
                Direction direction = type.usualDirection() == Direction.NEUTRAL ? Direction.TIGHTENING : type.usualDirection();
                List<String> elements = random.ints(1 + random.nextInt(3), 0, symbols.size()).mapToObj(symbols::get).distinct().toList();
                SupplyEventDetected event = Events.event("bench-" + i, start.plusSeconds(60L * i).toString(), type, direction,
                        1 + random.nextInt(5), elements, List.of());
                producer.send(new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), event.eventId(), Json.MAPPER.writeValueAsBytes(event)));
            }
            producer.flush();
        }
        return Math.max(1, (System.nanoTime() - began) / 1_000_000);
    }

    /** Kafka's ConsumerPerformance on the same topic; its report line. */
    private static String rawConsumerRate(String brokers, int count) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", brokers, "--topic", Topics.SUPPLY_EVENTS.name(),
                    "--messages", String.valueOf(count), "--timeout", "60000"});
        } finally {
            System.setOut(original);
        }
        // The tool prints a CSV header and one result line; the rest of the capture is client logging.
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("start.time") || line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:.*"))
                .toList();
        return String.join(" = ", lines);
    }

    private static Properties streamsProperties(String brokers, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return properties;
    }

    /** Offsets of supply.events.v1 the stream has committed. */
    private static long committed(String brokers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(Topics.SUPPLY_EVENTS.name(), 0));
            return offset == null ? 0 : offset.offset();
        }
    }
}
