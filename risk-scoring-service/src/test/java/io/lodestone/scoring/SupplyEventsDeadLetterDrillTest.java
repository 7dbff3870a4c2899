package io.lodestone.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.scoring.model.Events;
import io.lodestone.scoring.stream.Json;
import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runbook of {@code LodestoneSupplyEventsDeadLettered} (ops/runbooks/README.md), followed on a
 * real broker: a producer bug sends an event scoring cannot read; the operator reads it from the
 * dead-letter topic with its headers, fixes the payload and writes it again to
 * {@code supply.events.v1} with its key and CloudEvents headers; the element's risk then moves.
 * Replaying the same fixed record twice (an operator's slip) counts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class SupplyEventsDeadLetterDrillTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BAD_DATE = "+300000000-04-04T09:00:00Z";

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDeadLetteredEventIsInspectedFixedAndReplayedAndCountsOnceHoweverOftenItIsReplayed() throws Exception {
        String yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        SupplyEventDetected control = Events.exportControl("drill-no18", yesterday, "Tb");
        String good = Json.MAPPER.writeValueAsString(control);
        ActuatorProbe http = new ActuatorProbe(port);
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            // Given an upstream bug that wrote the event with a date no reader accepts
            kafka.send(Topics.SUPPLY_EVENTS.name(), control.eventId(),
                    good.replace(control.publishedAt().toString(), BAD_DATE),
                    KafkaTestClient.attributesFor(control, "/lodestone/news-ingest-service"));

            // When the operator confirms: the dead letter, its key, and why it failed
            ConsumerRecord<String, String> dead = kafka.readAtLeast(Topics.SUPPLY_EVENTS.deadLetterTopic(), 1, WAIT).get(0);
            assertThat(dead.key()).isEqualTo("drill-no18");
            assertThat(header(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains(BAD_DATE);
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SUPPLY_EVENTS.name());
            assertThat(risk(http, "Tb").path("contributors")).isEmpty();

            // and replays the fixed payload with the dead letter's key and CloudEvents headers, twice
            for (int replay = 0; replay < 2; replay++) {
                kafka.send(fixed(dead, dead.value().replace(BAD_DATE, control.publishedAt().toString())));
            }

            // Then terbium rises on element.risk.v1 because of that event, and the second replay
            // moves it no further: every record of terbium carries the score of one reading
            kafka.readUntil(Topics.ELEMENT_RISK.name(),
                    records -> records.stream().anyMatch(r -> "Tb".equals(r.key())), WAIT);
            List<ElementRiskChanged> terbium = kafka.readAll(Topics.ELEMENT_RISK.name(), Duration.ofSeconds(5)).stream()
                    .filter(r -> "Tb".equals(r.key()))
                    .map(r -> json.readValue(r.value(), ElementRiskChanged.class)).toList();
            assertThat(terbium).isNotEmpty().allSatisfy(change -> {
                assertThat(change.score()).isGreaterThan(change.baseline() + 10);
                assertThat(change.contributors()).extracting("eventId").containsExactly("drill-no18");
            });
            assertThat(terbium).extracting(ElementRiskChanged::score).containsOnly(terbium.get(0).score());
        }
        // and the query API names it as the one contributor
        JsonNode detail = await().atMost(WAIT).until(() -> risk(http, "Tb"),
                found -> found.path("contributors").size() > 0);
        assertThat(detail.path("contributors")).hasSize(1);
        assertThat(detail.path("contributors").get(0).path("eventId").asString()).isEqualTo("drill-no18");
    }

    /** What the runbook's replay writes: the same key, the fixed value, the headers minus the dead-letter ones. */
    private static ProducerRecord<String, String> fixed(ConsumerRecord<String, String> dead, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), dead.key(), value);
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("x-")) {
                record.headers().add(header.key(), header.value());
            }
        }
        return record;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private JsonNode risk(ActuatorProbe http, String element) throws Exception {
        return json.readTree(http.get("/api/v1/risk/" + element).body());
    }
}
