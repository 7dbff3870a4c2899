package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.NewsIngestApplication;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The service reads an html-list source, is stopped, and starts again against the same broker:
 * the notices read before the restart are remembered (compacted topic), so their pages are not
 * fetched again, while the list is.
 */
@EmbeddedKafka(partitions = 1)
class HtmlListRestartIntegrationTest {

    private final RecordingHttpServer publisher = RecordingHttpServer.start()
            .respondTo("/notices/", Response.ok("text/html; charset=utf-8", """
                    <!DOCTYPE html><html><body><ul class="list">
                    <li><a href="/notices/61.html">Announcement on export control of certain rare earth items</a><span>2025-10-09</span></li>
                    <li><a href="/notices/62.html">Announcement on export control of rare earth technologies</a><span>2025-10-09</span></li>
                    </ul></body></html>"""))
            .respondTo("/notices/61.html", Response.ok("text/html", "<div id='text'><p>Samarium, dysprosium and terbium "
                    + "items listed in the annex need a dual-use export licence from today.</p></div>"))
            .respondTo("/notices/62.html", Response.ok("text/html", "<div id='text'><p>Technologies for separating and "
                    + "smelting rare earths need an export licence.</p></div>"));

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void aRestartDoesNotFetchNoticesAlreadyRead(EmbeddedKafkaBroker broker) {
        String stateDir = System.getProperty("java.io.tmpdir") + "/ingest-restart-" + UUID.randomUUID();

        // Given the service has read both notices once
        try (ConfigurableApplicationContext first = start(broker, stateDir)) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(status(first).itemsSeen()).isEqualTo(2));
        }
        assertThat(pageRequests("/notices/61.html")).isEqualTo(1);
        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            assertThat(kafka.topicConfig(KafkaSeenNotices.TOPIC, "cleanup.policy")).isEqualTo("compact");
        }

        // When it starts again and polls the list
        try (ConfigurableApplicationContext second = start(broker, stateDir)) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(pageRequests("/notices/")).isEqualTo(2);
                assertThat(status(second).lastSuccess()).isNotNull();
            });

            // Then no notice page was fetched again, and the status says so
            assertThat(pageRequests("/notices/61.html")).isEqualTo(1);
            assertThat(pageRequests("/notices/62.html")).isEqualTo(1);
            assertThat(status(second).itemsSeen()).isZero();
            assertThat(status(second).publisher()).isEqualTo("Ministry of Examples");
        }
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String stateDir) {
        String source = "--lodestone.ingest.sources[0].";
        return new SpringApplicationBuilder(NewsIngestApplication.class).run(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir,
                "--lodestone.api.tokens=test-token",
                "--lodestone.ingest.http.per-host-interval=PT0S",
                source + "id=ministry",
                source + "kind=html-list",
                source + "publisher=Ministry of Examples",
                source + "url=" + publisher.uri("/notices/"),
                source + "language=en",
                source + "poll-interval=PT1H",
                source + "html.item=ul.list li",
                source + "html.title=a",
                source + "html.date=span",
                source + "html.body=#text");
    }

    private static SourceStatus status(ConfigurableApplicationContext context) {
        return context.getBean(SourcePoller.class).statuses().iterator().next();
    }

    private long pageRequests(String path) {
        return publisher.requests().stream().filter(r -> r.path().equals(path)).count();
    }
}
