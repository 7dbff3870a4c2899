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
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What an operator sees in a source's status when an html-list source breaks: the entry (its id
 * and publisher) and what broke, while the poller carries on.
 */
class HtmlListStatusTest {

    private final RecordingHttpServer publisher = RecordingHttpServer.start();
    private final RememberedNotices seen = new RememberedNotices();
    private SourcePoller poller;

    @AfterEach
    void stop() {
        publisher.close();
    }

    @Test
    void aRedesignedListPageMakesTheSourceFailNamingTheSelector() {
        // Given a ministry whose list page no longer has the configured list
        publisher.respondTo("/notices/", Response.ok("text/html", "<html><body><div class='cards'></div></body></html>"));
        IngestProperties.Source source = source();
        poller = poller(source);

        // When it is polled
        SourceStatus status = poller.poll(source);

        // Then its status names the entry and the selector that matched nothing, and it will be retried later
        assertThat(status.id()).isEqualTo("example-ministry");
        assertThat(status.publisher()).isEqualTo("Example Ministry of Commerce");
        assertThat(status.healthy()).isFalse();
        assertThat(status.lastErrorMessage())
                .isEqualTo("list selector 'ul.list li' matched 0 items on " + publisher.uri("/notices/"));
        assertThat(status.nextPoll()).isAfter(status.lastAttempt().plus(source.pollInterval()));
    }

    @Test
    void aFailingNoticePageKeepsTheSourceHealthyAndListsTheProblemUntilItIsRead() {
        // Given one good and one failing notice
        publisher.respondTo("/notices/", Response.ok("text/html", "<ul class='list'>"
                        + "<li><a href='/n/1.html'>Rare earth export licences</a><span>2025-10-09</span></li>"
                        + "<li><a href='/n/2.html'>Antimony export licences</a><span>2025-10-09</span></li></ul>"))
                .respondTo("/n/1.html", Response.ok("text/html", "<div class='text'>Samarium items need a licence.</div>"))
                .respondTo("/n/2.html", Response.status(502));
        IngestProperties.Source source = source();
        poller = poller(source);

        // When it is polled
        SourceStatus first = poller.poll(source);

        // Then the good notice counts, is remembered, and the failing one is listed as a problem
        assertThat(first.healthy()).isTrue();
        assertThat(first.itemsSeen()).isEqualTo(1);
        assertThat(seen.seen("example-ministry", publisher.uri("/n/1.html").toString())).isTrue();
        assertThat(first.problems()).singleElement().asString().contains("/n/2.html failed: HTTP 502");

        // When the page works again, Then the next poll reads it and the problem is gone
        publisher.respondTo("/n/2.html", Response.ok("text/html", "<div class='text'>Antimony items need a licence.</div>"));
        SourceStatus second = poller.poll(source);
        assertThat(second.itemsSeen()).isEqualTo(2);
        assertThat(second.problems()).isEmpty();
    }

    private SourcePoller poller(IngestProperties.Source source) {
        IngestProperties properties = new IngestProperties(true, Duration.ofDays(7), 1000,
                HtmlListReaderTest.http(DataSize.ofMegabytes(1)), List.of(source),
                new IngestProperties.Catalogue(false, IngestProperties.Catalogue.DEFAULT_LOCATION, List.of()));
        IngestPipeline pipeline = IngestPipeline.offline(new Extractor(),
                new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }), Clock.systemUTC());
        return new SourcePoller(properties, new RuntimeSources(new ConfiguredSources(properties, null, null),
                new RememberedOverrides(), null), List.of(), pipeline, seen,
                new SimpleMeterRegistry());
    }

    private IngestProperties.Source source() {
        return new IngestProperties.Source("example-ministry", IngestProperties.Kind.HTML_LIST, publisher.uri("/notices/"),
                Duration.ofHours(1), true, "en", null, "Example Ministry of Commerce",
                new IngestProperties.HtmlMapping("ul.list li", "a", "a[href]", "span", "yyyy-MM-dd", ZoneId.of("UTC"),
                        "div.text", null, 3, 20, null));
    }
}
