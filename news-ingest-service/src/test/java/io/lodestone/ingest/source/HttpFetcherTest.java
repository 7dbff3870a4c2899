package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fetching over real HTTP: conditional GET, gzip, and the size cap. */
class HttpFetcherTest {

    private final RecordingHttpServer server = RecordingHttpServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(new IngestProperties.Http(Duration.ofSeconds(2),
            Duration.ofSeconds(5), DataSize.ofKilobytes(64), Duration.ofHours(6), "test-agent"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void secondFetchIsConditionalAndNotModifiedKeepsValidators() throws Exception {
        server.enqueue(Response.ok("application/rss+xml", "<rss/>").withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Fri, 04 Apr 2025 08:00:00 GMT"),
                Response.status(304));

        HttpFetcher.Fetched first = fetcher.fetch(source(), HttpFetcher.Validators.NONE);
        HttpFetcher.Fetched second = fetcher.fetch(source(), first.validators());

        assertThat(new String(first.body())).isEqualTo("<rss/>");
        assertThat(second.notModified()).isTrue();
        assertThat(second.validators()).isEqualTo(first.validators());
        assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requests().get(1).header("If-Modified-Since")).isEqualTo("Fri, 04 Apr 2025 08:00:00 GMT");
        assertThat(server.requests().get(0).header("User-Agent")).isEqualTo("test-agent");
    }

    @Test
    void gzipBodyIsDecompressed() throws Exception {
        server.enqueue(new Response(200, Map.of("Content-Encoding", "gzip"), gzip("<rss>dysprosium</rss>")));

        assertThat(new String(fetcher.fetch(source(), HttpFetcher.Validators.NONE).body()))
                .isEqualTo("<rss>dysprosium</rss>");
    }

    @Test
    void bodyOverTheCapIsRefused() {
        server.enqueue(Response.ok("application/xml", "x".repeat(70 * 1024)));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("cap");
    }

    @Test
    void gzipBombIsRefusedAfterDecompression() throws Exception {
        server.enqueue(new Response(200, Map.of("Content-Encoding", "gzip"), gzip("0".repeat(10 * 1024 * 1024))));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("cap");
    }

    @Test
    void serverErrorIsAFetchFailureNamingTheStatus() {
        server.enqueue(Response.status(503));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("HTTP 503");
    }

    private IngestProperties.Source source() {
        return new IngestProperties.Source("test", IngestProperties.Kind.FEED, server.uri("/feed"),
                Duration.ofMinutes(15), true, null, null);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes());
        }
        return bytes.toByteArray();
    }
}
