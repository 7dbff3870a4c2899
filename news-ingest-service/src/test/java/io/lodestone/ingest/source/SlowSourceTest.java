package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.IngestPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A source that answers slowly but within its timeout, and asks to be polled every second, gets at
 * most a tenth of a polling thread: two such feeds had kept both threads busy, and a healthy feed
 * was fetched 4 times in 90 s instead of 18. A fast source keeps its interval.
 */
class SlowSourceTest {

    private static final String FEED = "<rss><channel><title>Trade</title><item><title>Harbour opens a ferry terminal</title>"
            + "<link>https://trade.example.test/ferry</link></item></channel></rss>";

    private final HttpServer publisher = start();

    @AfterEach
    void stop() {
        publisher.stop(0);
    }

    @Test
    void aSourceThatTakesLongToAnswerIsPolledNoSoonerThanTenTimesItsPollAfterItBegan() {
        IngestProperties.Source slow = source("slow", "/slow.xml");

        SourceStatus outcome = poller().poll(slow);

        assertThat(outcome.lastErrorMessage()).isNull();
        assertThat(Duration.between(outcome.lastAttempt(), outcome.nextPoll()))
                .as("next poll after a poll of at least 1.2 s, interval 1 s").isGreaterThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aFastSourceKeepsItsInterval() {
        // an interval of a minute: a first poll (a cold extractor) well under six seconds keeps it
        IngestProperties.Source fast = source("fast", "/fast.xml", Duration.ofMinutes(1));

        SourceStatus outcome = poller().poll(fast);

        assertThat(outcome.lastErrorMessage()).isNull();
        assertThat(Duration.between(outcome.lastAttempt(), outcome.nextPoll())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theWaitIsCappedAtAQuarterOfAnHour() {
        SourcePoller poller = poller();
        IngestProperties.Source slow = source("slow", "/slow.xml");

        Duration wait = poller.fairShare(slow, Duration.ofSeconds(1), java.time.Instant.now().minus(Duration.ofMinutes(5)));

        assertThat(wait).isEqualTo(SourcePoller.MAX_FAIR_SHARE_WAIT);
    }

    private IngestProperties.Source source(String id, String path) {
        return source(id, path, Duration.ofSeconds(1));
    }

    private IngestProperties.Source source(String id, String path, Duration interval) {
        return new IngestProperties.Source(id, IngestProperties.Kind.FEED,
                URI.create("http://127.0.0.1:" + publisher.getAddress().getPort() + path), interval, true, "en",
                null, "Trade news", null);
    }

    private SourcePoller poller() {
        IngestProperties properties = new IngestProperties(true, Duration.ofDays(7), 1000,
                new IngestProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1),
                        Duration.ofHours(6), "Lodestone-news-ingest/test", List.of("127.0.0.0/8"), Duration.ZERO,
                        Duration.ofHours(24)), List.of(),
                new IngestProperties.Catalogue(false, IngestProperties.Catalogue.DEFAULT_LOCATION, List.of()));
        RuntimeSources sources = new RuntimeSources(new ConfiguredSources(properties, null, null),
                new RememberedOverrides(), Validation.buildDefaultValidatorFactory().getValidator());
        return new SourcePoller(properties, sources, List.of(new FeedParser()), IngestPipeline.offline(new Extractor(),
                new InMemoryStoryStage(LinkRules.standard(Duration.ofDays(7), 1000), event -> { }), Clock.systemUTC()),
                new RememberedNotices(), new SimpleMeterRegistry());
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/slow.xml", exchange -> {
                try {
                    Thread.sleep(1_200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange);
            });
            server.createContext("/fast.xml", SlowSourceTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
