package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Switching a failing source off clears its alert and its next poll, but keeps its last error for the record. */
class SwitchedOffSourceTest {

    private final RecordingHttpServer publisher = RecordingHttpServer.start()
            .respondTo("/feed.xml", Response.status(503));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void aFailingSourceSwitchedOffIsNoLongerReportedDown() {
        // Given a source whose last poll failed
        IngestProperties.Source source = new IngestProperties.Source("flaky", IngestProperties.Kind.FEED,
                publisher.uri("/feed.xml"), Duration.ofHours(1), true, "en", null, "Flaky news", null);
        IngestProperties properties = new IngestProperties(true, Duration.ofDays(7), 1000,
                HtmlListReaderTest.http(DataSize.ofMegabytes(1)), List.of(source),
                new IngestProperties.Catalogue(false, IngestProperties.Catalogue.DEFAULT_LOCATION, List.of()));
        RuntimeSources sources = new RuntimeSources(new ConfiguredSources(properties, null, null),
                new RememberedOverrides(), null);
        SourcePoller poller = new SourcePoller(properties, sources, List.of(), IngestPipeline.offline(new Extractor(),
                new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }), Clock.systemUTC()),
                new RememberedNotices(), meters);
        poller.pollNow("flaky");
        assertThat(up()).isZero();

        // When an operator switches it off
        sources.setEnabled("flaky", false);

        // Then it is up for alerting, has no next poll, and still shows why it failed
        assertThat(up()).isEqualTo(1);
        SourceStatus status = poller.statuses().iterator().next();
        assertThat(status.enabled()).isFalse();
        assertThat(status.nextPoll()).isNull();
        assertThat(status.lastErrorMessage()).contains("HTTP 503");
    }

    private double up() {
        return meters.get("lodestone.ingest.source.up").tag("source", "flaky").gauge().value();
    }
}
