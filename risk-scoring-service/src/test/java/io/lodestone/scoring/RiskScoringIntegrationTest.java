package io.lodestone.scoring;

import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import io.lodestone.scoring.stream.RiskTopology;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.scoring.model.Events;
import io.lodestone.scoring.stream.Json;
import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.kafka.streams.StreamsBuilderFactoryManager;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import io.lodestone.events.DeadLetterHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * End to end on a real broker: supply events in, risk changes out with CloudEvents headers,
 * poison (unreadable bytes, a date in the year 300000000) to the DLT while the stream goes on, the query API answering from the state store, and the state surviving a
 * restart of the stream that loses its local state folder (restored from the changelog).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
// The restart replaces the KafkaStreams instance under the binder's health indicator: not a context to share.
@DirtiesContext
class RiskScoringIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Restoring from the changelog after a lost disk is slow on a loaded 2-core machine. */
    private static final Duration RESTORE_WAIT = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    StreamsBuilderFactoryManager streams;

    @Autowired
    RiskEngine engine;

    @Autowired
    List<StreamsBuilderFactoryBean> factories;

    @Test
    void eventsOnTheBrokerChangeTheRiskTopicAndTheQueryApiAndSurviveARestart() {
        ActuatorProbe http = new ActuatorProbe(port);
        await().atMost(WAIT).until(() -> running());
        SupplyEventDetected licensing = Events.exportControl("it-no18", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "Dy", "Tb");

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.sendRaw(Topics.SUPPLY_EVENTS.name(), "poison", "{this is not an event");
            kafka.sendRaw(Topics.SUPPLY_EVENTS.name(), "far-future", Json.MAPPER.writeValueAsString(licensing)
                    .replace(licensing.publishedAt().toString(), "+300000000-01-01T00:00:00Z"));
            sendBytes(new byte[] {(byte) 0xff, 0}, new byte[] {(byte) 0xc3, (byte) 0x28, 0, (byte) 0x80});
            // as large as the broker takes: its dead letter, with error headers added, is larger still
            sendBytes("huge".getBytes(StandardCharsets.UTF_8), "x".repeat(1_046_000).getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.SUPPLY_EVENTS.name(), licensing.eventId(), Json.MAPPER.writeValueAsString(licensing),
                    KafkaTestClient.attributesFor(licensing, "/lodestone/news-ingest-service"));

            ConsumerRecord<String, String> dy = kafka.readUntil(Topics.ELEMENT_RISK.name(),
                    records -> records.stream().anyMatch(r -> "Dy".equals(r.key())), WAIT).stream()
                    .filter(r -> "Dy".equals(r.key())).findFirst().orElseThrow();
            ElementRiskChanged change = Json.MAPPER.readValue(dy.value(), ElementRiskChanged.class);
            assertThat(change.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(change.contributors()).extracting("eventId").containsExactly("it-no18");
            assertThat(change.modelVersion()).isEqualTo(engine.modelVersion());
            assertThat(CloudEvents.fromHeaders(headers(dy)).type()).isEqualTo("io.lodestone.element.risk.changed.v1");

            List<ConsumerRecord<String, String>> poison = kafka.readAtLeast(Topics.SUPPLY_EVENTS.deadLetterTopic(), 4, WAIT);
            assertThat(poison).extracting(ConsumerRecord::key).startsWith("poison", "far-future");
            assertThat(poison.get(0).value()).isEqualTo("{this is not an event");
            assertThat(poison.get(1).value()).contains("+300000000-01-01T00:00:00Z");
            assertThat(poison.get(3).key()).isEqualTo("huge");
            assertThat(poison.get(3).value()).hasSize(1_046_000);
            assertThat(poison).allSatisfy(record -> assertThat(headers(record))
                    .containsKeys(DeadLetterHeaders.EXCEPTION_FQCN, DeadLetterHeaders.EXCEPTION_MESSAGE,
                            DeadLetterHeaders.ORIGINAL_TOPIC, DeadLetterHeaders.ORIGINAL_PARTITION,
                            DeadLetterHeaders.ORIGINAL_OFFSET));
            assertThat(new String(headers(poison.get(1)).get(DeadLetterHeaders.EXCEPTION_MESSAGE), StandardCharsets.UTF_8))
                    .contains("+300000000-01-01T00:00:00Z");
        }

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> response = http.get("/api/v1/risk/dy");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("summary").path("level").asString()).isEqualTo("HIGH");
        });
        JsonNode detail = json(http.get("/api/v1/risk/dy"));
        assertThat(detail.path("summary").path("element").asString()).isEqualTo("Dy");
        assertThat(detail.path("summary").path("trend").asString()).isEqualTo("RISING");
        assertThat(detail.path("baseline").path("dataVersion").asString()).isEqualTo("2025.1");
        assertThat(detail.path("contributors").get(0).path("eventId").asString()).isEqualTo("it-no18");
        assertThat(detail.path("contributors").get(0).path("evidence").asString()).contains("it-no18");
        assertThat(detail.path("model").path("version").asString()).isEqualTo(engine.modelVersion());
        assertThat(detail.path("model").path("impactsOfOtherVersions").asInt(-1)).isZero();

        JsonNode all = json(http.get("/api/v1/risk"));
        assertThat(all.size()).isEqualTo(io.lodestone.events.Elements.all().size());
        HttpResponse<String> unknown = http.get("/api/v1/risk/Xx");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(http.get("/actuator/prometheus").body())
                .contains("lodestone_risk_score{application=\"risk-scoring-service\",element=\"Dy\"}")
                .contains("lodestone_risk_level{application=\"risk-scoring-service\",element=\"Dy\"} 3.0")
                .contains("lodestone_scoring_dead_letters_total{application=\"risk-scoring-service\"} 4.0")
                .contains("lodestone_scoring_model_info{application=\"risk-scoring-service\",version=\""
                        + engine.modelVersion() + "\"} 1");

        ElementRisk beforeRestart = storedRisk("Dy");
        restartLosingLocalState();

        // Read the restored store directly: what survives is the state, whatever the web layer caches.
        ElementRisk afterRestart = await().atMost(RESTORE_WAIT).ignoreExceptions()
                .until(() -> storedRisk("Dy"), Objects::nonNull);
        assertThat(afterRestart).isEqualTo(beforeRestart);
        assertThat(afterRestart.level()).isEqualTo(RiskLevel.HIGH);
    }

    /** Bytes no string serializer could produce: not UTF-8, key and value alike. */
    private void sendBytes(byte[] key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), key, value));
        }
    }

    private ElementRisk storedRisk(String element) {
        KafkaStreams kafkaStreams = factories.get(0).getKafkaStreams();
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(RiskTopology.STORE,
                QueryableStoreTypes.<String, ElementRisk>keyValueStore())).get(element);
    }

    /** Stops the stream, deletes its state folder as a lost disk would, and starts it again. */
    private void restartLosingLocalState() {
        String stateDir = (String) factories.get(0).getStreamsConfiguration().get("state.dir");
        streams.stop();
        FileSystemUtils.deleteRecursively(new File(stateDir));
        streams.start();
        await().atMost(RESTORE_WAIT).until(this::running);
    }

    private boolean running() {
        KafkaStreams kafkaStreams = factories.get(0).getKafkaStreams();
        return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
    }

    private static Map<String, byte[]> headers(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
