package io.lodestone.scoring.stream;

import static io.lodestone.scoring.model.Events.exportControl;
import static io.lodestone.scoring.model.Events.strike;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.lodestone.events.DeadLetterHeaders;

/** The real topology on Kafka Streams' test driver, with a simulated wall clock. */
class RiskTopologyTest {

    private static final Instant START = Instant.parse("2025-04-04T00:00:00Z");
    private static final Duration DECAY_INTERVAL = Duration.ofHours(6);

    @TempDir
    Path stateDir;

    private final RiskEngine engine = RiskEngine.standard(2.0);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, ElementRiskChanged> risk;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startTopology() {
        RiskTopology topology = new RiskTopology(engine, DECAY_INTERVAL, "/lodestone/risk-scoring-service");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "risk-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology.build(RiskTopology.StoreKind.PERSISTENT), properties, START);
        events = driver.createInputTopic(Topics.SUPPLY_EVENTS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        risk = driver.createOutputTopic(Topics.ELEMENT_RISK.name(), Serdes.String().deserializer(),
                new ElementRiskChangedSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.SUPPLY_EVENTS.deadLetterTopic(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void publishesTheRiskOfEveryElementAnEventNamesKeyedBySymbolWithCloudEventsHeaders() {
        send(exportControl("no18", "2025-04-04T00:00:00Z", "Dy", "Tb"));

        Map<String, TestRecord<String, ElementRiskChanged>> bySymbol = new HashMap<>();
        risk.readRecordsToList().forEach(record -> bySymbol.put(record.key(), record));

        assertThat(bySymbol).containsOnlyKeys("Dy", "Tb");
        ElementRiskChanged dy = bySymbol.get("Dy").value();
        assertThat(dy.level()).isEqualTo(RiskLevel.HIGH);
        // The first change of an element names its baseline as where it rose from
        assertThat(dy.previousLevel()).isEqualTo(RiskLevel.of(engine.baselines().scoreOf("Dy")));
        assertThat(dy.previousScore()).isEqualTo(RiskEngine.round(engine.baselines().scoreOf("Dy")));
        assertThat(dy.level().compareTo(dy.previousLevel())).isPositive();
        assertThat(dy.contributors()).extracting("eventId").containsExactly("no18");
        CloudEvents attributes = CloudEvents.fromHeaders(headers(bySymbol.get("Dy").headers()));
        assertThat(attributes.type()).isEqualTo("io.lodestone.element.risk.changed.v1");
        assertThat(attributes.source()).isEqualTo("/lodestone/risk-scoring-service");
        assertThat(bySymbol.get("Dy").headers().headers(CloudEvents.ID)).hasSize(1);
    }

    @Test
    void wallClockDecayBringsTheLevelDownWithoutNews() {
        send(strike("strike", "2025-04-04T00:00:00Z", "Co"));
        ElementRiskChanged hit = risk.readValuesToList().get(0);
        assertThat(hit.level()).isEqualTo(RiskLevel.ELEVATED);

        for (int i = 0; i < 4 * 90; i++) {
            driver.advanceWallClockTime(DECAY_INTERVAL);
        }

        List<ElementRiskChanged> decayed = risk.readValuesToList();
        assertThat(decayed).isNotEmpty();
        ElementRiskChanged last = decayed.get(decayed.size() - 1);
        assertThat(last.level()).isEqualTo(RiskLevel.GUARDED);
        assertThat(last.score()).isLessThan(hit.score() - 15);
        assertThat(decayed).extracting(ElementRiskChanged::level).contains(RiskLevel.GUARDED);
        ElementRisk stored = driver.<String, ElementRisk>getKeyValueStore(RiskTopology.STORE).get("Co");
        assertThat(stored.score()).isLessThan(engine.baselines().scoreOf("Co") + 2);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithErrorHeadersAndLaterRecordsStillCount() {
        events.pipeInput("bad-1", "{not json".getBytes(StandardCharsets.UTF_8), START);
        events.pipeInput("bad-2", "{\"eventId\":\"x\",\"severity\":9}".getBytes(StandardCharsets.UTF_8), START);
        send(exportControl("no46", "2025-04-04T00:00:00Z", "Ga"));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("bad-1", "bad-2");
        TestRecord<String, byte[]> first = dead.get(0);
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(text(first.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SUPPLY_EVENTS.name());
        assertThat(text(first.headers(), DeadLetterHeaders.EXCEPTION_FQCN)).isNotBlank();
        assertThat(text(first.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(ByteBuffer.wrap(first.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong()).isZero();
        assertThat(risk.readValuesToList()).extracting(ElementRiskChanged::element).containsExactly("Ga");
    }

    @Test
    void theSameStoryPublishedTwiceChangesNothingTheSecondTime() {
        SupplyEventDetected story = exportControl("no23", "2025-04-04T00:00:00Z", "Ga");
        send(story);
        risk.readValuesToList();

        send(story);

        assertThat(risk.isEmpty()).isTrue();
    }

    private void send(SupplyEventDetected event) {
        events.pipeInput(event.eventId(), Json.MAPPER.writeValueAsBytes(event), event.publishedAt());
    }

    private static Map<String, byte[]> headers(Headers headers) {
        Map<String, byte[]> map = new HashMap<>();
        for (Header header : headers) {
            map.put(header.key(), header.value());
        }
        return map;
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
