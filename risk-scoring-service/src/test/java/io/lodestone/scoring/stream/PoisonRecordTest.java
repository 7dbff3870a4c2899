package io.lodestone.scoring.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Topics;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of bad record, pushed through the real topology and followed by a normal event: the
 * stream goes on and scores the normal event, and each bad record is on the dead-letter topic with
 * its original key, value and headers plus the error headers (or, where the contract allows it,
 * is read and simply reaches no element).
 */
class PoisonRecordTest {

    // In the past of the real clock too: the contract itself refuses events dated ahead of it.
    private static final Instant NOW = Instant.parse("2025-03-02T12:00:00Z");
    private static final byte[] KEY = {(byte) 0xc3, (byte) 0x28, 'k', 0};

    @TempDir
    Path stateDir;

    /** The service's own configuration, for the settings the binder passes to Kafka Streams. */
    private static final Properties SERVICE_CONFIGURATION = serviceConfiguration();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> events;
    private TestOutputTopic<String, ElementRiskChanged> risk;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    enum Outcome { DEAD_LETTERED, REACHES_NO_ELEMENT }

    @BeforeEach
    void startTopology() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "poison-record-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, SERVICE_CONFIGURATION.getProperty(
                "spring.cloud.stream.kafka.streams.binder.configuration.default.timestamp.extractor"));
        RiskTopology topology = new RiskTopology(RiskEngine.standard(2.0), Duration.ofHours(1), "/test");
        driver = new TopologyTestDriver(topology.build(RiskTopology.StoreKind.PERSISTENT), properties, NOW);
        events = driver.createInputTopic(Topics.SUPPLY_EVENTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        risk = driver.createOutputTopic(Topics.ELEMENT_RISK.name(), Serdes.String().deserializer(),
                new ElementRiskChangedSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.SUPPLY_EVENTS.deadLetterTopic(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    private static Properties serviceConfiguration() {
        org.springframework.beans.factory.config.YamlPropertiesFactoryBean yaml =
                new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
        return yaml.getObject();
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                row("not JSON", "{not json", Outcome.DEAD_LETTERED),
                row("empty value", "", Outcome.DEAD_LETTERED),
                Arguments.of("bytes that are not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80},
                        Outcome.DEAD_LETTERED),
                row("JSON null", "null", Outcome.DEAD_LETTERED),
                row("JSON array", "[1, 2, 3]", Outcome.DEAD_LETTERED),
                row("another schema", "{\"hello\": \"world\"}", Outcome.DEAD_LETTERED),
                row("missing publishedAt", event("missing-date", null, "Dy").replace("\"publishedAt\":null,", ""),
                        Outcome.DEAD_LETTERED),
                row("missing direction", event("missing-direction", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"direction\":\"TIGHTENING\",", ""), Outcome.DEAD_LETTERED),
                row("date in year 300000000", event("far-future", "+300000000-01-01T00:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date in year 2999", event("year-2999", "2999-01-01T00:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date two days ahead", event("two-days-ahead", "2025-03-04T12:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date in year -300000000", event("far-past", "-300000000-01-01T00:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date in year 1066", event("hastings", "1066-10-14T00:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date past Instant's range", event("beyond", "+1000000001-01-01T00:00:00Z", "Dy"), Outcome.DEAD_LETTERED),
                row("date that is not a date", event("garbled", "yesterday", "Dy"), Outcome.DEAD_LETTERED),
                row("severity 10^30", event("huge-severity", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"severity\":5", "\"severity\":1000000000000000000000000000000"), Outcome.DEAD_LETTERED),
                row("severity 9", event("severity-9", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"severity\":5", "\"severity\":9"), Outcome.DEAD_LETTERED),
                row("confidence 1e400", event("infinite-confidence", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"confidence\":0.9", "\"confidence\":1e400"), Outcome.DEAD_LETTERED),
                row("corroborations past int", event("many-sources", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"corroborations\":1", "\"corroborations\":99999999999"), Outcome.DEAD_LETTERED),
                row("severity named twice", event("twice-severity", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"severity\":5", "\"severity\":5,\"severity\":1"), Outcome.DEAD_LETTERED),
                row("severity as text", event("text-severity", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"severity\":5", "\"severity\":\"high\""), Outcome.DEAD_LETTERED),
                row("unknown event type", event("black-swan", "2025-03-01T00:00:00Z", "Dy")
                        .replace("EXPORT_RESTRICTION", "BLACK_SWAN"), Outcome.DEAD_LETTERED),
                row("unknown element symbol", event("unobtainium", "2025-03-01T00:00:00Z", "Xx"), Outcome.REACHES_NO_ELEMENT),
                row("element symbol of 10 000 characters", event("long-symbol", "2025-03-01T00:00:00Z", "D".repeat(10_000)),
                        Outcome.REACHES_NO_ELEMENT),
                // valid but for its size: carried into the store and the output, it would pass the
                // broker's 1 MB limit there and stop the topology at every restart
                row("link of a megabyte", event("huge-link", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"url\":null", "\"url\":\"https://x.example/" + "a".repeat(1_000_000) + "\""),
                        Outcome.DEAD_LETTERED),
                row("a thousand companies", event("many-companies", "2025-03-01T00:00:00Z", "Dy")
                        .replace("\"companies\":[]", "\"companies\":[" + "\"Acme Ltd\",".repeat(999) + "\"Acme Ltd\"]"),
                        Outcome.DEAD_LETTERED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void aBadRecordNeverStopsTheStreamAndAPoisonOneIsDeadLetteredWithItsErrorHeaders(String shape, byte[] value,
                                                                                     Outcome outcome) {
        // Given a bad record with its own headers
        Headers original = new RecordHeaders().add("ce_id", "bad-1".getBytes(StandardCharsets.UTF_8));

        // When it arrives, followed by a normal event
        events.pipeInput(new TestRecord<>(KEY, value, original, NOW));
        events.pipeInput("normal".getBytes(StandardCharsets.UTF_8),
                event("normal", "2025-03-02T00:00:00Z", "Ga").getBytes(StandardCharsets.UTF_8), NOW);

        // Then the normal event is scored
        assertThat(risk.readValuesToList()).extracting(ElementRiskChanged::element).containsExactly("Ga");
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        if (outcome == Outcome.REACHES_NO_ELEMENT) {
            assertThat(dead).isEmpty();
            return;
        }
        // And the bad record is on the dead-letter topic as it came, with what failed and where it came from
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(record.value()).isEqualTo(value);
            assertThat(text(record.headers(), "ce_id")).isEqualTo("bad-1");
            assertThat(text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SUPPLY_EVENTS.name());
            assertThat(ByteBuffer.wrap(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt()).isZero();
            assertThat(ByteBuffer.wrap(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong()).isZero();
            assertThat(ByteBuffer.wrap(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP).value()).getLong())
                    .isEqualTo(NOW.toEpochMilli());
            assertThat(text(record.headers(), DeadLetterHeaders.EXCEPTION_FQCN)).contains(".");
            assertThat(text(record.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(text(record.headers(), DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("at ");
        });
    }

    /**
     * A producer that sets the record's timestamp itself can write a negative one, and the broker
     * stores it. Kafka Streams' default failed the stream thread on it before any handler saw it,
     * at every restart; the service's configured extractor reads it at the partition's time or, as
     * here for the partition's first record, the clock's.
     */
    @Test
    void aRecordWithANegativeTimestampIsScoredAndTheStreamGoesOn() {
        events.pipeInput(new TestRecord<>("no-time".getBytes(StandardCharsets.UTF_8),
                event("no-time", "2025-03-01T00:00:00Z", "Ge").getBytes(StandardCharsets.UTF_8), null,
                Instant.ofEpochMilli(-1)));
        events.pipeInput(new TestRecord<>("no-time-2".getBytes(StandardCharsets.UTF_8),
                event("no-time-2", "2025-03-01T00:00:00Z", "Sb").getBytes(StandardCharsets.UTF_8), null,
                Instant.ofEpochMilli(-1)));
        events.pipeInput("normal".getBytes(StandardCharsets.UTF_8),
                event("normal", "2025-03-02T00:00:00Z", "Ga").getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(risk.readValuesToList()).extracting(ElementRiskChanged::element).containsExactly("Ge", "Sb", "Ga");
        assertThat(deadLetters.readRecordsToList()).isEmpty();
    }

    @Test
    void anEventDatedAheadOfTheClockCountsAsPublishedNowAndDecaysFromThere() {
        // Given an export control dated twelve hours ahead of the clock
        events.pipeInput("ahead".getBytes(StandardCharsets.UTF_8),
                event("ahead", "2025-03-03T00:00:00Z", "Dy").getBytes(StandardCharsets.UTF_8), NOW);

        // When the stream scores it
        ElementRiskChanged change = risk.readValuesToList().get(0);

        // Then it is dated now, so its pressure starts decaying now rather than in twelve hours
        assertThat(change.contributors()).singleElement()
                .satisfies(contributor -> assertThat(contributor.publishedAt()).isEqualTo(NOW));
        ElementRisk stored = driver.<String, ElementRisk>getKeyValueStore(RiskTopology.STORE).get("Dy");
        assertThat(stored.impacts()).singleElement().satisfies(impact -> assertThat(impact.publishedAt()).isEqualTo(NOW));
    }

    @Test
    void anImpactThatFailsInThePerElementStepIsDeadLetteredAndTheElementKeepsItsState() {
        // Given an element whose stored state the model cannot evaluate (it names an untracked element)
        ElementRisk broken = new ElementRisk("Qq", List.of(), 10, io.lodestone.events.RiskLevel.LOW, NOW, 10.0,
                io.lodestone.events.RiskLevel.LOW);
        driver.<String, ElementRisk>getKeyValueStore(RiskTopology.STORE).put("Dy", broken);

        // When an event for it arrives, and then one for another element
        events.pipeInput("dy".getBytes(StandardCharsets.UTF_8),
                event("dy-event", "2025-03-02T00:00:00Z", "Dy").getBytes(StandardCharsets.UTF_8), NOW);
        events.pipeInput("ga".getBytes(StandardCharsets.UTF_8),
                event("ga-event", "2025-03-02T00:00:00Z", "Ga").getBytes(StandardCharsets.UTF_8), NOW);

        // Then the impact on Dy is dead-lettered with its error, and Ga is still scored
        assertThat(risk.readValuesToList()).extracting(ElementRiskChanged::element).containsExactly("Ga");
        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("Dy");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"eventId\":\"dy-event\"");
            assertThat(text(record.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("Qq");
            assertThat(text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).endsWith("impacts-by-element-repartition");
        });
        assertThat(driver.<String, ElementRisk>getKeyValueStore(RiskTopology.STORE).get("Dy")).isEqualTo(broken);
    }

    @Test
    void anElementWhoseReevaluationFailsIsSkippedAndTheOthersStillDecay() {
        // Given a raised element, and another whose stored state the model cannot evaluate
        events.pipeInput("ga".getBytes(StandardCharsets.UTF_8),
                event("ga-event", "2025-03-02T00:00:00Z", "Ga").getBytes(StandardCharsets.UTF_8), NOW);
        double raised = risk.readValuesToList().get(0).score();
        driver.<String, ElementRisk>getKeyValueStore(RiskTopology.STORE).put("Dy", new ElementRisk("Qq", List.of(), 10,
                io.lodestone.events.RiskLevel.LOW, NOW, 10.0, io.lodestone.events.RiskLevel.LOW));

        // When a year of wall-clock time passes, then Ga has decayed and the stream is still scoring
        aYearOfDecayRoundsLowersGaAndTheStreamStillScores(raised);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoredStateThatCannotBeReadIsSkippedByTheDecayRoundAndTheOthersStillDecay() {
        // Given a raised element, and beside it bytes in the store that are no element risk (a state
        // written by a newer model, then rolled back), put under every layer of the store
        events.pipeInput("ga".getBytes(StandardCharsets.UTF_8),
                event("ga-event", "2025-03-02T00:00:00Z", "Ga").getBytes(StandardCharsets.UTF_8), NOW);
        double raised = risk.readValuesToList().get(0).score();
        StateStore inner = driver.getAllStateStores().get(RiskTopology.STORE);
        while (inner instanceof WrappedStateStore<?, ?, ?> wrapper) {
            inner = wrapper.wrapped();
        }
        ((KeyValueStore<Bytes, byte[]>) inner).put(Bytes.wrap("Dy".getBytes(StandardCharsets.UTF_8)),
                "{\"element\":\"Dy\",\"level\":\"APOCALYPTIC\"}".getBytes(StandardCharsets.UTF_8));

        // When a year of wall-clock time passes, then Ga has decayed and the stream is still scoring
        aYearOfDecayRoundsLowersGaAndTheStreamStillScores(raised);
    }

    private void aYearOfDecayRoundsLowersGaAndTheStreamStillScores(double raised) {
        for (int day = 0; day < 365; day += 30) {
            driver.advanceWallClockTime(Duration.ofDays(30));
        }
        List<ElementRiskChanged> decayed = risk.readValuesToList();
        assertThat(decayed).extracting(ElementRiskChanged::element).containsOnly("Ga");
        assertThat(decayed.get(decayed.size() - 1).score()).isLessThan(raised);
        events.pipeInput("tb".getBytes(StandardCharsets.UTF_8),
                event("tb-event", "2026-03-02T00:00:00Z", "Tb").getBytes(StandardCharsets.UTF_8), NOW.plus(Duration.ofDays(365)));
        assertThat(risk.readValuesToList()).extracting(ElementRiskChanged::element).containsExactly("Tb");
    }

    /** A supply event as raw JSON, so that no record class refuses to build it before the stream sees it. */
    static String event(String id, String publishedAt, String element) {
        return """
                {"schemaVersion":1,"eventId":"%s","sourceId":"push","url":null,"title":"Export licences for %s",\
                "publishedAt":%s,"detectedAt":"2025-03-02T00:00:00Z","language":"en",\
                "eventType":"EXPORT_RESTRICTION","direction":"TIGHTENING","severity":5,"confidence":0.9,\
                "elements":["%s"],"groups":[],"countries":["CN"],"companies":[],"evidence":[],"corroborations":1}"""
                .formatted(id, id, publishedAt == null ? "null" : "\"" + publishedAt + "\"", element);
    }

    private static Arguments row(String shape, String value, Outcome outcome) {
        return Arguments.of(shape, value.getBytes(StandardCharsets.UTF_8), outcome);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
