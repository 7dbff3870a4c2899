package io.lodestone.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.MessageType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.scoring.stream.Json;
import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Right from day one: once the measures in force are on {@code supply.events.v1} (as a new
 * deployment's first start publishes them), each element of announcement No. 18 of 2025 stands above
 * its baseline, with No. 18 and its official link among its contributors; replaying the dataset
 * again moves no score and publishes no risk change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@DirtiesContext
class DayOneRiskIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final List<String> NO_18 = List.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");
    private static final String NO_18_ID = "measure-mofcom-2025-18";

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void measuresInForceRaiseTheElementsOfNo18WithTheirSourceAndASecondReplayChangesNothing() {
        ActuatorProbe http = new ActuatorProbe(port);
        String no18Url = event(NO_18_ID).url();

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            // Given a fresh deployment, when the measures in force are replayed
            replayMeasures(kafka);

            // Then every element of No. 18 is above its baseline, No. 18 and its link among its contributors
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                for (String element : NO_18) {
                    JsonNode detail = detail(http, element);
                    assertThat(detail.path("summary").path("score").asDouble()).as(element)
                            .isGreaterThan(detail.path("summary").path("baseline").asDouble() + 5);
                    assertThat(detail.path("contributors")).as(element).anySatisfy(contributor -> {
                        assertThat(contributor.path("eventId").asString()).isEqualTo(NO_18_ID);
                        assertThat(contributor.path("url").asString()).isEqualTo(no18Url);
                        assertThat(contributor.path("contribution").asDouble()).isPositive();
                    });
                }
            });
            int changes = kafka.readAll(Topics.ELEMENT_RISK.name(), QUIET).size();
            Map<String, Double> scores = scores(http);
            assertThat(changes).isGreaterThanOrEqualTo(NO_18.size());

            // When the dataset is replayed a second time
            replayMeasures(kafka);

            // Then no risk change is published and no score moves
            assertThat(kafka.readAll(Topics.ELEMENT_RISK.name(), QUIET)).hasSize(changes);
            assertThat(scores(http)).isEqualTo(scores);
        }
    }

    /** Publishes the dataset as the ingest service does: keyed by event id, {@code ce_id} the event id. */
    private static void replayMeasures(KafkaTestClient kafka) {
        for (String line : MeasuresInForce.lines()) {
            SupplyEventDetected event = Json.MAPPER.readValue(line, SupplyEventDetected.class);
            kafka.send(Topics.SUPPLY_EVENTS.name(), event.eventId(), line, new CloudEvents(event.eventId(),
                    MessageType.SUPPLY_EVENT_DETECTED.cloudEventType(), "/lodestone/news-ingest-service/measures-in-force",
                    event.publishedAt()));
        }
    }

    private static SupplyEventDetected event(String eventId) {
        return MeasuresInForce.lines().stream().map(line -> Json.MAPPER.readValue(line, SupplyEventDetected.class))
                .filter(event -> event.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private static Map<String, Double> scores(ActuatorProbe http) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String element : NO_18) {
            scores.put(element, detail(http, element).path("summary").path("score").asDouble());
        }
        return scores;
    }

    private static JsonNode detail(ActuatorProbe http, String element) {
        HttpResponse<String> response = http.get("/api/v1/risk/" + element);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}
