package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.ServiceHttp;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import jakarta.validation.Validation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An air-gapped start: the catalogue on, {@code LODESTONE_INGEST_POLLING=false}. Every catalogue
 * entry is listed as the catalogue defines it, nothing is polled (an added source neither), and
 * the service is ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/ingest-stories-${random.uuid}",
        "lodestone.api.tokens=test-token",
        "LODESTONE_INGEST_POLLING=false",
        "LODESTONE_INGEST_CATALOGUE=true"})
@EmbeddedKafka(partitions = 1)
class PollingOffIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The source the other test adds (the tests share one context, in either order). */
    private static final String ADDED = "local-feed";
    private static final RecordingHttpServer PUBLISHER = RecordingHttpServer.start()
            .respondByDefault(Response.ok("application/rss+xml", "<rss version=\"2.0\"><channel/></rss>"));

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        PUBLISHER.close();
    }

    @Test
    void everyCatalogueEntryIsListedAndNoneIsPolledWhileTheServiceIsReady() {
        List<IngestProperties.Source> catalogue = SourceCatalogue.load(new DefaultResourceLoader()
                .getResource(IngestProperties.Catalogue.DEFAULT_LOCATION), Validation.buildDefaultValidatorFactory()
                .getValidator()).sources();

        HttpResponse<String> response = send("GET", "/api/v1/sources", null);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, JsonNode> listed = JSON.readTree(response.body()).valueStream()
                .filter(status -> !status.get("id").asString().equals(ADDED))
                .collect(Collectors.toMap(status -> status.get("id").asString(), Function.identity()));
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(catalogue.stream().map(IngestProperties.Source::id).toList());
        for (IngestProperties.Source entry : catalogue) {
            JsonNode status = listed.get(entry.id());
            assertThat(status.get("publisher").asString()).as(entry.id()).isEqualTo(entry.publisher());
            assertThat(status.get("kind").asString()).as(entry.id()).isEqualTo(entry.kind().name());
            assertThat(status.get("language").asString()).as(entry.id()).isEqualTo(entry.language());
            assertThat(status.get("url").asString()).as(entry.id()).isEqualTo(entry.url().toString());
            assertThat(status.get("enabled").asBoolean()).as(entry.id()).isEqualTo(entry.enabled());
            assertThat(status.get("lastAttempt").isNull()).as(entry.id()).isTrue();
            assertThat(status.get("nextPoll").isNull()).as(entry.id()).isTrue();
        }
        assertThat(send("GET", "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void anAddedSourceIsListedButNotPolled() {
        HttpResponse<String> added = send("POST", "/api/v1/sources",
                "{\"id\": \"" + ADDED + "\", \"kind\": \"feed\", \"url\": \"" + PUBLISHER.uri("/feed.xml") + "\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(send("GET", "/api/v1/sources", null).body()).contains("\"id\":\"" + ADDED + "\"");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> PUBLISHER.requests().isEmpty());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return new ServiceHttp(port).send(method, path, body, "test-token");
    }
}
