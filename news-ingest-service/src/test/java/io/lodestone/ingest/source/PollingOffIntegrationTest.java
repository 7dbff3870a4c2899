package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.NewsIngestApplication;
import io.lodestone.ingest.ServiceHttp;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import jakarta.validation.Validation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An air-gapped start: the catalogue on, {@code LODESTONE_INGEST_POLLING=false}. Every catalogue
 * entry is listed as the catalogue defines it, nothing is polled (an added source neither), and
 * the service is ready. The application is started and closed here rather than as a cached test
 * context, so the shared integration-test context is never paused and resumed around it (the
 * stream binder does not survive a pause).
 */
@EmbeddedKafka(partitions = 1)
class PollingOffIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "test-token";

    private final RecordingHttpServer publisher = RecordingHttpServer.start()
            .respondByDefault(Response.ok("application/rss+xml", "<rss version=\"2.0\"><channel/></rss>"));

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void everyCatalogueEntryIsListedAndNothingIsPolledWhileTheServiceIsReady(EmbeddedKafkaBroker broker) {
        List<IngestProperties.Source> catalogue = SourceCatalogue.load(new DefaultResourceLoader()
                .getResource(IngestProperties.Catalogue.DEFAULT_LOCATION), Validation.buildDefaultValidatorFactory()
                .getValidator()).sources();

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NewsIngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir="
                        + System.getProperty("java.io.tmpdir") + "/ingest-polling-off-" + UUID.randomUUID(),
                "--lodestone.api.tokens=" + TOKEN,
                "--LODESTONE_INGEST_POLLING=false",
                "--LODESTONE_INGEST_CATALOGUE=true")) {
            ServiceHttp http = new ServiceHttp(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));

            // When the sources are listed
            HttpResponse<String> response = http.send("GET", "/api/v1/sources", null, TOKEN);

            // Then every catalogue entry is there as the catalogue defines it, never polled
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, JsonNode> listed = JSON.readTree(response.body()).valueStream()
                    .collect(Collectors.toMap(status -> status.get("id").asString(), Function.identity()));
            assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(
                    catalogue.stream().map(IngestProperties.Source::id).toList());
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
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    http.send("GET", "/actuator/health/readiness", null, null).body()).contains("\"status\":\"UP\""));

            // And a source added meanwhile is listed but not polled either
            HttpResponse<String> added = http.send("POST", "/api/v1/sources",
                    "{\"id\": \"local-feed\", \"kind\": \"feed\", \"url\": \"" + publisher.uri("/feed.xml") + "\"}", TOKEN);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(http.send("GET", "/api/v1/sources", null, TOKEN).body()).contains("\"id\":\"local-feed\"");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> publisher.requests().isEmpty());
        }
    }
}
