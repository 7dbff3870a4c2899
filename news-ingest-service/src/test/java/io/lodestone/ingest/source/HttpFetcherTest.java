package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.testsupport.EndlessHttpServer;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/**
 * Fetching over real HTTP: conditional GET, gzip, the size cap, and redirects that are followed
 * only to addresses the egress check allows. Every server is on loopback; refused destinations
 * are never connected to.
 */
class HttpFetcherTest {

    private final RecordingHttpServer server = RecordingHttpServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(new IngestProperties.Http(Duration.ofSeconds(2),
            Duration.ofSeconds(5), DataSize.ofKilobytes(64), Duration.ofHours(6), "test-agent", List.of(), Duration.ZERO, Duration.ofHours(24)));

    @AfterEach
    void stop() {
        server.close();
        target.close();
        fetcher.close();
    }

    private final RecordingHttpServer target = RecordingHttpServer.start();

    @Test
    void redirectToAnAllowedRangeIsFollowed() throws Exception {
        server.enqueue(new Response(302, Map.of("Location", target.uri("/moved").toString()), new byte[0]));
        target.enqueue(Response.ok("application/rss+xml", "<rss>moved</rss>"));
        try (HttpFetcher local = fetcher(List.of("127.0.0.0/8"))) {

            assertThat(new String(local.fetch(source(), HttpFetcher.Validators.NONE).body())).isEqualTo("<rss>moved</rss>");
        }
        assertThat(target.requests()).hasSize(1);
    }

    @Test
    void redirectToLoopbackIsRefusedUnlessAllowedAndNeverConnected() {
        server.enqueue(new Response(302, Map.of("Location", target.uri("/internal").toString()), new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("refused").hasMessageContaining("loopback");
        assertThat(target.requests()).isEmpty();
    }

    @ParameterizedTest(name = "redirect to {0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            http://[64:ff9b::a00:1]/          | NAT64
            http://169.254.169.254/latest/    | link-local
            http://10.0.0.1/admin             | private-use
            http://[2002:a00:1::1]/           | 6to4
            http://[2001:0:4136:e378::1]/     | Teredo
            http://[fd00:ec2::254]/           | unique local
            """)
    void redirectToANonPublicAddressIsRefused(String location, String reason) {
        server.enqueue(new Response(301, Map.of("Location", location), new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("refused").hasMessageContaining(reason);
    }

    @Test
    void redirectToAnotherSchemeIsRefused() {
        server.enqueue(new Response(302, Map.of("Location", "file:///etc/passwd"), new byte[0]));

        assertThatThrownBy(() -> fetcher.fetch(source(), HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("http(s)");
    }

    @Test
    void endlessRedirectsStop() {
        server.respondByDefault(new Response(302, Map.of("Location", "/feed"), new byte[0]));
        try (HttpFetcher local = fetcher(List.of("127.0.0.0/8"))) {

            assertThatThrownBy(() -> local.fetch(source(), HttpFetcher.Validators.NONE))
                    .isInstanceOf(FetchException.class).hasMessageContaining("redirects");
        }
        assertThat(server.requests()).hasSize(HttpFetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void aSourceAddedThroughTheApiIsHeldToTheRedirectRulesFromItsFirstRequestAndNeverConnected() {
        server.enqueue(Response.ok("application/rss+xml", "<rss/>"));
        try (HttpFetcher guarded = new HttpFetcher(new IngestProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5),
                DataSize.ofKilobytes(64), Duration.ofHours(6), "test-agent", List.of(), Duration.ZERO,
                Duration.ofHours(24)), id -> false)) {
            assertThatThrownBy(() -> guarded.fetch(source(), HttpFetcher.Validators.NONE))
                    .isInstanceOf(FetchException.class).hasMessageContaining("refused").hasMessageContaining("loopback");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aConfiguredSourceNamedByAHostnameIsFetchedOnlyWhereTheEgressRulesAllow() throws Exception {
        // "localhost" stands for any name whose DNS answer an attacker may control: it resolves to
        // loopback here, as a hijacked catalogue domain might resolve to an internal address
        URI named = URI.create("http://localhost:" + server.uri("/feed").getPort() + "/feed");
        IngestProperties.Source source = new IngestProperties.Source("test", IngestProperties.Kind.FEED, named,
                Duration.ofMinutes(15), true, null, null, null, null);

        assertThatThrownBy(() -> fetcher.fetch(source, HttpFetcher.Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("refused").hasMessageContaining("loopback");
        assertThat(server.requests()).isEmpty();

        // the operator who runs a feed on a private network allows its range
        server.enqueue(Response.ok("application/rss+xml", "<rss>internal</rss>"));
        try (HttpFetcher allowing = fetcher(List.of("127.0.0.0/8"))) {
            assertThat(new String(allowing.fetch(source, HttpFetcher.Validators.NONE).body())).isEqualTo("<rss>internal</rss>");
        }
        // and an address written as such is the operator's choice
        server.enqueue(Response.ok("application/rss+xml", "<rss>literal</rss>"));
        assertThat(new String(fetcher.fetch(source(), HttpFetcher.Validators.NONE).body())).isEqualTo("<rss>literal</rss>");
    }

    private static HttpFetcher fetcher(List<String> redirectAllowedCidrs) {
        return new HttpFetcher(new IngestProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5),
                DataSize.ofKilobytes(64), Duration.ofHours(6), "test-agent", redirectAllowedCidrs, Duration.ZERO, Duration.ofHours(24)));
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
    void bodyWithoutEndIsRefusedAtTheCapNotReadToTheDeadline() {
        // Given a feed server that promises a huge body and writes it for as long as it is read
        try (EndlessHttpServer endless = EndlessHttpServer.start(200)) {
            IngestProperties.Source feed = new IngestProperties.Source("endless", IngestProperties.Kind.FEED,
                    endless.uri("/feed"), Duration.ofMinutes(15), true, null, null, null, null);

            // Then the fetch stops at the cap and says so, instead of timing out after reading on
            assertThatThrownBy(() -> fetcher.fetch(feed, HttpFetcher.Validators.NONE))
                    .isInstanceOf(FetchException.class).hasMessageContaining("cap").hasMessageNotContaining("timed out");
        }
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
                Duration.ofMinutes(15), true, null, null, null, null);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes());
        }
        return bytes.toByteArray();
    }
}
