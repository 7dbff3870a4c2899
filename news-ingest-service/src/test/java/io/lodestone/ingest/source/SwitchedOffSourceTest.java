package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.extract.FailingExtractor;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Switching a failing source off clears its alert and its next poll, but keeps its last error for
 * the record; a source deleted mid-poll is not brought back by that poll; a poll that fails in a way
 * nobody expected (a document nested deeper than a parser recurses) is a failed poll like any other,
 * and an item the extractor fails on is that item's problem, not the end of the feed.
 */
class SwitchedOffSourceTest {

    private final RecordingHttpServer publisher = RecordingHttpServer.start()
            .respondTo("/feed.xml", Response.status(503));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        publisher.close();
    }

    private final IngestProperties.Source flaky = new IngestProperties.Source("flaky", IngestProperties.Kind.FEED,
            publisher.uri("/feed.xml"), Duration.ofHours(1), true, "en", null, "Flaky news", null);
    private final IngestProperties properties = new IngestProperties(true, Duration.ofDays(7), 1000,
            // the added source below is on loopback, which added sources reach only when allowed
            new IngestProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1),
                    Duration.ofHours(6), "Lodestone-news-ingest/test", List.of("127.0.0.0/8"), Duration.ZERO,
                    Duration.ofHours(24)), List.of(flaky),
            new IngestProperties.Catalogue(false, IngestProperties.Catalogue.DEFAULT_LOCATION, List.of()));
    private final RuntimeSources sources = new RuntimeSources(new ConfiguredSources(properties, null, null),
            new RememberedOverrides(), Validation.buildDefaultValidatorFactory().getValidator());
    private final SourcePoller poller = new SourcePoller(properties, sources, List.of(), IngestPipeline.offline(
            new Extractor(), new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }),
            Clock.systemUTC()), new RememberedNotices(), meters);

    @Test
    void aFailingSourceSwitchedOffIsNoLongerReportedDown() {
        // Given a source whose last poll failed
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

    @Test
    void aPollThatEndsAfterItsSourceWasDeletedLeavesNoTrace() {
        // Given an added source, deleted while a poll of it is under way
        sources.add(JsonMapper.builder().build().readTree(
                "{\"id\": \"short-lived\", \"kind\": \"feed\", \"url\": \"" + publisher.uri("/feed.xml") + "\"}"));
        IngestProperties.Source shortLived = sources.byId("short-lived").orElseThrow();
        sources.remove("short-lived");

        // When that poll ends
        SourceStatus outcome = poller.poll(shortLived);

        // Then its outcome is returned but the deleted source is not listed again, nor measured
        assertThat(outcome.lastErrorMessage()).contains("HTTP 503");
        assertThat(poller.statuses()).extracting(SourceStatus::id).containsExactly("flaky");
        assertThat(meters.getMeters()).noneMatch(meter -> "short-lived".equals(meter.getId().getTag("source")));
    }

    @Test
    void aDeletedSourceLeavesNoSeriesBehind() {
        // Given an added source that was polled and failed (its up, last success, fetched and failure series)
        sources.add(JsonMapper.builder().build().readTree(
                "{\"id\": \"churned\", \"kind\": \"feed\", \"url\": \"" + publisher.uri("/feed.xml") + "\"}"));
        poller.pollNow("churned");
        assertThat(meters.find("lodestone.ingest.source.failures").tag("source", "churned").counter()).isNotNull();

        // When it is deleted
        sources.remove("churned");

        // Then no series names it any more, and the configured source's are untouched
        assertThat(meters.getMeters()).noneMatch(meter -> "churned".equals(meter.getId().getTag("source")));
        assertThat(meters.find("lodestone.ingest.source.up").tag("source", "flaky").gauge()).isNotNull();
    }

    private double up() {
        return meters.get("lodestone.ingest.source.up").tag("source", "flaky").gauge().value();
    }

    @Test
    void aParserThatRecursesTooDeepFailsThePollNotThePoller() {
        publisher.respondTo("/deep.xml", Response.ok("application/rss+xml", "<rss>" + "<a>".repeat(10) + "</rss>"));
        IngestProperties.Source deep = new IngestProperties.Source("deep", IngestProperties.Kind.FEED,
                publisher.uri("/deep.xml"), Duration.ofHours(1), true, "en", null, "Deep news", null);
        ItemParser recursing = new ItemParser() {
            @Override
            public IngestProperties.Kind kind() {
                return IngestProperties.Kind.FEED;
            }

            @Override
            public List<NewsItem> parse(byte[] body, IngestProperties.Source source, Instant now) {
                throw new StackOverflowError();
            }
        };
        SourcePoller polling = new SourcePoller(properties, sources, List.of(recursing), IngestPipeline.offline(
                new Extractor(), new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }),
                Clock.systemUTC()), new RememberedNotices(), meters);

        SourceStatus outcome = polling.poll(deep);

        assertThat(outcome.lastErrorMessage()).contains("StackOverflowError");
        assertThat(outcome.nextPoll()).isNotNull();
    }

    @Test
    void anItemTheExtractorFailsOnIsSkippedAndTheRestOfTheFeedIsRead() {
        publisher.respondTo("/bans.xml", Response.ok("application/rss+xml", "<rss><channel><title>Trade</title>"
                + ban("gallium") + ban("germanium") + ban("antimony") + "</channel></rss>"));
        IngestProperties.Source bans = new IngestProperties.Source("bans", IngestProperties.Kind.FEED,
                publisher.uri("/bans.xml"), Duration.ofHours(1), true, "en", null, "Trade news", null);
        Extractor failingOnGermanium = FailingExtractor.overflowingOn("germanium");
        List<SupplyEventDetected> published = new CopyOnWriteArrayList<>();
        SourcePoller polling = new SourcePoller(properties, sources, List.of(new FeedParser()), IngestPipeline.offline(
                failingOnGermanium, new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), published::add),
                Clock.systemUTC()), new RememberedNotices(), meters);

        SourceStatus outcome = polling.poll(bans);

        assertThat(outcome.lastErrorMessage()).isNull();
        assertThat(outcome.consecutiveFailures()).isZero();
        assertThat(outcome.problems()).singleElement().asString()
                .contains("could not be read by the extractor").contains("StackOverflowError");
        assertThat(published).extracting(event -> event.elements().get(0)).containsExactly("Ga", "Sb");
    }

    @Test
    void aFeedOfThousandsOfEntriesIsReadUpToTheCapAndSaysWhatItLeftOut() {
        StringBuilder feed = new StringBuilder("<rss><channel><title>Flood</title>");
        for (int i = 0; i < SourcePoller.MAX_ITEMS_PER_POLL + 1500; i++) {
            feed.append("<item><title>note ").append(i).append("</title><link>https://flood.example.test/")
                    .append(i).append("</link></item>");
        }
        publisher.respondTo("/flood.xml", Response.ok("application/rss+xml", feed.append("</channel></rss>").toString()));
        sources.add(JsonMapper.builder().build().readTree(
                "{\"id\": \"flood\", \"kind\": \"feed\", \"url\": \"" + publisher.uri("/flood.xml") + "\"}"));
        SourcePoller polling = new SourcePoller(properties, sources, List.of(new FeedParser()), IngestPipeline.offline(
                new Extractor(), new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }),
                Clock.systemUTC()), new RememberedNotices(), meters);

        SourceStatus outcome = polling.pollNow("flood");

        assertThat(outcome.lastErrorMessage()).isNull();
        assertThat(outcome.problems()).singleElement().asString()
                .isEqualTo("1500 items after the first 500 were left out (at most 500 are read per poll)");
        assertThat(meters.counter("lodestone.ingest.items.fetched", "source", "flood").count()).isEqualTo(500);
    }

    private static String ban(String element) {
        return "<item><title>China bans exports of " + element + " to the United States</title>"
                + "<link>https://trade.example.test/" + element + "</link>"
                + "<pubDate>Tue, 03 Dec 2024 08:00:00 GMT</pubDate>"
                + "<description>The commerce ministry said exports of " + element
                + " to the United States are banned with immediate effect.</description></item>";
    }
}
