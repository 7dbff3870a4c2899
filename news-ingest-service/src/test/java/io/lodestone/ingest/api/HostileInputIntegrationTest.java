package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestIntegrationTest;
import io.lodestone.testsupport.PathVariants;
import io.lodestone.testsupport.PathVariants.Endpoint;
import io.lodestone.testsupport.RawHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a hostile client sends to the running service's real port: other spellings of the
 * protected paths, oversized bodies and texts, absurd dates, and sources that forge log lines or
 * impersonate a configured source. Each is refused with a clear status; none is published.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIntegrationTest extends IngestIntegrationTest {

    private static final String ITEM = """
            {"title":"China tightens dysprosium exports","text":"Exports of dysprosium oxide need a licence."}""";

    @LocalServerPort
    int servicePort;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(servicePort);
    }

    static Stream<Arguments> protectedPaths() {
        return PathVariants.of(List.of(
                Endpoint.post("/api/v1/items", ITEM),
                Endpoint.post("/api/v1/extract", ITEM),
                Endpoint.get("/api/v1/sources"),
                Endpoint.post("/api/v1/sources/notices/poll", null),
                new Endpoint("PATCH", "/api/v1/sources/notices", "{\"enabled\": false}"),
                Endpoint.post("/api/v1/sources", "{\"id\": \"sneaky\", \"kind\": \"feed\", \"url\": \"https://example.org/f\"}"),
                Endpoint.delete("/api/v1/sources/notices")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("protectedPaths")
    void noSpellingOfAProtectedPathServesACallerWithoutAToken(Endpoint endpoint, PathVariants.Variant variant) {
        RawHttp.Response response = PathVariants.assertRefusedWithoutToken(raw, endpoint, variant);

        assertThat(response.body()).doesNotContain("PUBLISHED").doesNotContain("EXTRACTED").doesNotContain("lastPoll");
    }

    @Test
    void encodedPathDoesNotPublishWithoutAToken() {
        RawHttp.Response response = raw.send("POST", "/%61pi/v1/items", Map.of(), ITEM);

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("PUBLISHED");
    }

    @Test
    void bodyOf120MegabytesIsRefusedBeforeItIsRead() {
        RawHttp.Response response = raw.sendDeclaringLength("POST", "/api/v1/items", bearer(), 120L * 1024 * 1024);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void textOf20MegabytesSentInChunksIsCutOffAt413() {
        RawHttp.Response response = raw.sendChunked("POST", "/api/v1/items", bearer(), 20L * 1024 * 1024);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void textOverTheMaximumIsRefusedNamingTheField() {
        HttpResponse<String> response = post("/api/v1/items",
                "{\"title\":\"Dy\",\"text\":\"" + "x".repeat(300_000) + "\"}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"text\"").contains("at most 200000 characters");
    }

    @Test
    void wideBatchOfEmptyObjectsIsRefusedBeforeItIsBoundToATree() {
        // 3 MB under the 4 MB body cap, 2 million tokens: as a tree of empty objects, a hundred megabytes of heap
        HttpResponse<String> response = post("/api/v1/items",
                "[" + String.join(",", java.util.Collections.nCopies(1_000_000, "{}")) + "]", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Token count").contains("500000");
    }

    @ParameterizedTest(name = "publishedAt {0}")
    @ValueSource(strings = {"2999-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z", "1850-06-01"})
    void absurdDatesAreRefusedNamingTheField(String publishedAt) {
        HttpResponse<String> response = post("/api/v1/items",
                "[" + ITEM + ",{\"title\":\"Dy ban\",\"publishedAt\":\"" + publishedAt + "\"}]", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"[1].publishedAt\"").doesNotContain("PUBLISHED");
    }

    @Test
    void sourceWithLineBreaksIsRefusedAndForgesNoLogLine(CapturedOutput output) {
        HttpResponse<String> response = post("/api/v1/items", """
                {"title":"China tightens dysprosium exports","source":"push\\r\\n2026-01-01 INFO forged-line: PUBLISHED"}""",
                TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"source\"");
        assertThat(output.getAll()).doesNotContain("\n2026-01-01 INFO forged-line");
    }

    /**
     * A text of 50,000 digits under a relevant headline took 163 s of CPU on the request thread;
     * its figures are read in one pass now. Both the push and the dry run answer at once.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/items", "/api/v1/extract"})
    void aTextBuiltToMakeFigurePatternsBacktrackIsAnsweredInSeconds(String path) {
        String item = "{\"id\":\"digits" + path.hashCode() + "\",\"title\":\"China bans dysprosium exports\","
                + "\"text\":\"" + "1".repeat(50_000) + "\",\"publishedAt\":\"2025-04-04T08:00:00Z\"}";

        HttpResponse<String> response = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> post(path, item, TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("EXPORT_RESTRICTION");
    }

    @Test
    void anUnreadableAcceptHeaderStillGetsAProblemDetail() {
        RawHttp.Response response = raw.send("POST", "/api/v1/items", Map.of("Authorization", "Bearer " + TOKEN,
                "Accept", ";;;/", "Content-Type", "application/json"), "{\"title\":\"Dy\",\"publishedAt\":\"soon\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"publishedAt\"");
    }

    @Test
    void pushedItemCannotClaimAConfiguredSource() {
        HttpResponse<String> response = post("/api/v1/items",
                "{\"title\":\"China tightens dysprosium exports\",\"source\":\"notices\"}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"source\"").contains("configured source");
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + TOKEN);
    }
}
