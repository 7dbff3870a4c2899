package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push while the broker is gone: the client is told at once that nothing was accepted (503, a
 * problem naming the item), soon enough to retry elsewhere or later, instead of holding the
 * request for the producer's minute-long wait for metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/ingest-stories-${random.uuid}",
        "lodestone.api.tokens=outage-token"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext // the broker is gone for good
class PushDuringBrokerOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ITEM = """
            {"id":"%s","title":"China tightens antimony exports",
             "text":"Beijing said antimony ingots and oxides will need an export licence from next month.",
             "url":"https://wire.example.org/%s","publishedAt":"2024-08-15T08:00:00Z"}""";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPushWhileTheBrokerIsDownIsRefusedWithinSecondsAndSaysSo() throws Exception {
        assertThat(push("before-outage").statusCode()).isEqualTo(200);

        broker.destroy();
        // The producer's 60 s wait for metadata held the request past this timeout before.
        HttpResponse<String> refused = push("during-outage");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("title").asString()).isEqualTo("Event stream unavailable");
        assertThat(problem.get("detail").asString()).contains("during-outage");
    }

    private HttpResponse<String> push(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/items"))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").header("Authorization", "Bearer outage-token")
                .POST(HttpRequest.BodyPublishers.ofString(ITEM.formatted(id, id))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
