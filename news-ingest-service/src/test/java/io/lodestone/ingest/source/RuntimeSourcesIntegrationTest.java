package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.NewsIngestApplication;
import io.lodestone.ingest.ServiceHttp;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the service on one real broker, polling feeds served on loopback, changed
 * through the HTTP API of either: a source switched off on one stops being polled by both, a
 * source added on one is polled and listed by both, and after both stop, a fresh start has the
 * same sources before it polls anything; a deleted source is a tombstone that keeps it deleted.
 */
@EmbeddedKafka(partitions = 1)
class RuntimeSourcesIntegrationTest {

    private static final String TOKEN = "test-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Example</title><link>https://example.org/</link><description>d</description>
            <item><title>Harbour opens a new ferry line</title><link>https://example.org/ferry</link>
            <pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate></item>
            </channel></rss>""";

    private final RecordingHttpServer publisher = RecordingHttpServer.start()
            .respondTo("/alpha.rss", Response.ok("application/rss+xml", FEED))
            .respondTo("/beta.rss", Response.ok("application/rss+xml", FEED));

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void changesMadeOnOneReplicaApplyOnBothAndSurviveARestart(EmbeddedKafkaBroker broker) {
        long alphaRequestsBeforeRestart;
        try (ConfigurableApplicationContext first = start(broker); ConfigurableApplicationContext second = start(broker)) {
            // Given both replicas poll the configured source every second
            await().atMost(Duration.ofSeconds(90)).until(() -> requests("/alpha.rss") >= 2);

            // When an operator switches it off through the first replica
            HttpResponse<String> off = send(first, "PATCH", "/api/v1/sources/alpha", "{\"enabled\": false}");
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(json(off).get("enabled").asBoolean()).isFalse();

            // Then both replicas list it switched off, and the feed is not fetched again
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(source(second, "alpha").get("enabled").asBoolean()).isFalse());
            long settled = await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> requests("/alpha.rss"), count -> true);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> requests("/alpha.rss") == settled);

            // When an operator adds a source through the second replica
            HttpResponse<String> added = send(second, "POST", "/api/v1/sources", """
                    {"id": "beta", "kind": "feed", "url": "%s", "pollInterval": "PT1S", "publisher": "Beta news",
                     "language": "en"}""".formatted(publisher.uri("/beta.rss")));
            assertThat(added.statusCode()).isEqualTo(201);
            assertThat(added.headers().firstValue("Location")).hasValue("/api/v1/sources/beta");

            // Then it is polled, and both replicas list it as it was defined
            await().atMost(Duration.ofSeconds(30)).until(() -> requests("/beta.rss") >= 2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode beta = source(first, "beta");
                assertThat(beta.get("publisher").asString()).isEqualTo("Beta news");
                assertThat(beta.get("kind").asString()).isEqualTo("FEED");
                assertThat(beta.get("url").asString()).isEqualTo(publisher.uri("/beta.rss").toString());
                assertThat(beta.get("lastSuccess").isNull()).isFalse();
            });
            alphaRequestsBeforeRestart = requests("/alpha.rss");
            assertThat(alphaRequestsBeforeRestart).isEqualTo(settled);
        }
        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            assertThat(kafka.topicConfig(KafkaSourceOverrides.TOPIC, "cleanup.policy")).isEqualTo("compact");
        }
        long betaRequestsBeforeRestart = requests("/beta.rss");

        // When the service starts again
        try (ConfigurableApplicationContext restarted = start(broker)) {
            // Then the added source is there again and polled, and the switched-off one is listed, off, and never polled
            await().atMost(Duration.ofSeconds(90)).until(() -> requests("/beta.rss") > betaRequestsBeforeRestart);
            assertThat(source(restarted, "alpha").get("enabled").asBoolean()).isFalse();
            assertThat(source(restarted, "beta").get("enabled").asBoolean()).isTrue();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> requests("/alpha.rss") == alphaRequestsBeforeRestart);

            // And an added source can be deleted, after which it is neither listed nor polled
            assertThat(send(restarted, "DELETE", "/api/v1/sources/beta", null).statusCode()).isEqualTo(204);
            assertThat(send(restarted, "GET", "/api/v1/sources/beta", null).statusCode()).isEqualTo(404);
            long betaSettled = await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> requests("/beta.rss"), count -> true);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> requests("/beta.rss") == betaSettled);
        }
        // And the deletion is a tombstone, which compaction removes with the source's earlier records
        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            List<ConsumerRecord<String, String>> beta = kafka.readAll(KafkaSourceOverrides.TOPIC, Duration.ofSeconds(2))
                    .stream().filter(record -> "beta".equals(record.key())).toList();
            assertThat(beta).hasSizeGreaterThan(1);
            assertThat(beta.get(beta.size() - 1).value()).isNull();
        }
        // And a replica that reads the topic from the start leaves the deleted source out
        try (ConfigurableApplicationContext again = start(broker)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> send(again, "GET", "/api/v1/sources", null).statusCode() == 200
                    && again.getBean(SourceOverrideLog.class).restored());
            assertThat(send(again, "GET", "/api/v1/sources/beta", null).statusCode()).isEqualTo(404);
            assertThat(source(again, "alpha").get("enabled").asBoolean()).isFalse();
        }
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        String source = "--lodestone.ingest.sources[0].";
        return new SpringApplicationBuilder(NewsIngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir="
                        + System.getProperty("java.io.tmpdir") + "/ingest-runtime-" + UUID.randomUUID(),
                "--lodestone.api.tokens=" + TOKEN,
                "--lodestone.ingest.http.per-host-interval=PT0S",
                // sources added through the API reach only public addresses unless the operator allows a range
                "--lodestone.ingest.http.redirect-allowed-cidrs=127.0.0.0/8",
                source + "id=alpha",
                source + "kind=feed",
                source + "publisher=Alpha news",
                source + "url=" + publisher.uri("/alpha.rss"),
                source + "poll-interval=PT1S");
    }

    private JsonNode source(ConfigurableApplicationContext replica, String id) {
        HttpResponse<String> response = send(replica, "GET", "/api/v1/sources/" + id, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext replica, String method, String path, String body) {
        int port = Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
        return new ServiceHttp(port).send(method, path, body, TOKEN);
    }

    private long requests(String path) {
        return publisher.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
