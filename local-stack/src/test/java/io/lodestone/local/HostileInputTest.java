package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import io.lodestone.events.Topics;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a hostile client can send, against the real stack: path tricks around the bearer check,
 * bodies too large to hold, dates that overflow, control characters for the logs, webhook URLs
 * that point inside the network, absurd durations, and poison records written straight to the
 * topics, floods of guessed tokens and clients that hold requests open. Each is refused with a
 * clear status (RFC 9457 problem details for bad input, 429 past a client's rate limit) or
 * dead-lettered; afterwards a normal item still reaches a signed webhook and every service is
 * ready. All traffic stays on loopback: refused webhook URLs are never called.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "lodestone-hostile-suite-key-0123".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MB = 1024 * 1024;

    private final RecordingHttpServer receiver = RecordingHttpServer.start();
    private final DistinctItems datedStories = new DistinctItems(2999L);
    private StackFixture stack;
    private StackSettings settings;

    @BeforeAll
    void startTheStackAndSubscribe() throws Exception {
        stack = StackFixture.start(Map.of());
        settings = stack.settings;
        HttpResponse<String> created = stack.post(settings.alertPort(), "/api/v1/subscriptions", JSON.writeValueAsString(Map.of(
                "name", "hostile: survivors",
                "elements", Elements.all().stream().map(Element::symbol).toList(),
                "trigger", Map.of("minLevel", "HIGH"),
                "channels", Map.of("webhook", Map.of("url", receiver.uri("/hooks/hostile").toString(), "secret", SECRET)),
                "groupWait", "PT1S")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        receiver.close();
    }

    // --- the guard ---------------------------------------------------------------------------

    /** Every protected path of every service, in every spelling a servlet container may map to it. */
    Stream<Arguments> protectedPathForms() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, Integer> protectedPaths = new LinkedHashMap<>();
        protectedPaths.put("GET /api/v1/subscriptions", settings.alertPort());
        protectedPaths.put("GET /api/v1/deliveries", settings.alertPort());
        protectedPaths.put("GET /api/v1/alerts", settings.alertPort());
        protectedPaths.put("GET /api/v1/silences", settings.alertPort());
        protectedPaths.put("POST /api/v1/subscriptions", settings.alertPort());
        protectedPaths.put("POST /api/v1/items", settings.ingestPort());
        protectedPaths.put("GET /api/v1/sources", settings.ingestPort());
        protectedPaths.put("GET /actuator/env", settings.scoringPort());
        protectedPaths.put("GET /actuator/heapdump", settings.scoringPort());
        protectedPaths.forEach((request, port) -> {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            for (String form : pathForms(path)) {
                cases.add(Arguments.of(method, form, port));
            }
        });
        return cases.stream();
    }

    private static List<String> pathForms(String path) {
        String first = path.substring(1, path.indexOf('/', 1));
        String rest = path.substring(path.indexOf('/', 1));
        String last = path.substring(path.lastIndexOf('/') + 1);
        String parent = path.substring(0, path.lastIndexOf('/'));
        return List.of(
                path,
                "/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest,
                "/" + first + ";x=1" + rest,
                "/" + path,
                parent + "//" + last,
                parent + "/x/../" + last,
                parent + "/%2e/" + last,
                parent + "/x/%2e%2e/" + last,
                path.toUpperCase(),
                path + "/",
                path + ";jsessionid=1",
                "/" + first + "%2F" + rest.substring(1));
    }

    @ParameterizedTest(name = "{0} {1} without a token is refused")
    @MethodSource("protectedPathForms")
    @Order(1)
    void everySpellingOfAProtectedPathNeedsTheToken(String method, String path, int port) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.ofString(ordinaryItem("guard-" + path.hashCode())))
                : request.GET();
        HttpResponse<String> answer = stack.raw(request.build());
        assertThat(answer.statusCode()).as("%s %s answered %s", method, path, answer.body()).isIn(400, 401, 404);
    }

    @ParameterizedTest(name = "Authorization: \"{0} <token>\" is accepted")
    @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
    @Order(2)
    void theBearerSchemeIsCaseInsensitive(String scheme) {
        HttpResponse<String> answer = stack.raw(HttpRequest.newBuilder(StackFixture.uri(settings.alertPort(), "/api/v1/subscriptions"))
                .header("Authorization", scheme + " " + StackFixture.TOKEN).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "Authorization: \"{0}\" is refused")
    @ValueSource(strings = {"Bearer wrong-token", "Bearer", "Basic c3RhY2stdGVzdC10b2tlbjo=",
            "stack-test-token", "Bearer stack-test-token,Bearer x"})
    @Order(3)
    void aWrongOrMalformedTokenIsRefused(String authorization) {
        HttpResponse<String> answer = stack.raw(HttpRequest.newBuilder(StackFixture.uri(settings.alertPort(), "/api/v1/subscriptions"))
                .header("Authorization", authorization).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    }

    // --- sizes -------------------------------------------------------------------------------

    Stream<Arguments> oversizedBodies() {
        return Stream.of(
                Arguments.of("120 MB streamed to the push API", settings.ingestPort(), "/api/v1/items", 120 * MB, true),
                Arguments.of("120 MB announced to the push API", settings.ingestPort(), "/api/v1/items", 120 * MB, false),
                Arguments.of("20 MB text in one item", settings.ingestPort(), "/api/v1/items", 20 * MB, false),
                Arguments.of("120 MB streamed to the subscription API", settings.alertPort(), "/api/v1/subscriptions", 120 * MB, true));
    }

    @ParameterizedTest(name = "{0}: 413")
    @MethodSource("oversizedBodies")
    @Order(10)
    void anOversizedBodyIsRefusedWith413(String what, int port, String path, long length, boolean chunked) {
        RawHttp.Answer answer = RawHttp.post(port, path, StackFixture.TOKEN, "{\"title\":\"Big\",\"text\":\"", length, chunked,
                Duration.ofSeconds(90));
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(413);
        assertThat(answer.head()).as("a problem detail").containsIgnoringCase("application/problem+json");
    }

    // --- dates, control characters ----------------------------------------------------------

    @ParameterizedTest(name = "publishedAt {0}: 400 naming the field")
    @ValueSource(strings = {"+300000000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "1800-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    @Order(20)
    void aDateOutOfRangeIsRefused(String publishedAt) {
        // A story that would be published and scored, as in the reported case: only its date is wrong.
        Map<String, Object> item = new LinkedHashMap<>(datedStories.next("date", Elements.bySymbol("Ga").orElseThrow()));
        item.put("publishedAt", publishedAt);
        HttpResponse<String> answer = stack.post(settings.ingestPort(), "/api/v1/items", JSON.writeValueAsString(item));
        assertProblem(answer, 400, "publishedAt");
    }

    @ParameterizedTest(name = "source {0}: 400 naming the field, nothing forged in the log")
    @ValueSource(strings = {"push\r\n2026-11-30 12:00:00 INFO  forged-by-hostile-suite", "push\u0000nul", "push\u001b[2Jescape",
            "push\u2028separator", "push\u0085next-line"})
    @Order(21)
    void aSourceWithControlCharactersIsRefused(String source) throws Exception {
        ObjectNode item = (ObjectNode) JSON.readTree(ordinaryItem("source-" + source.hashCode()));
        item.put("source", source);
        HttpResponse<String> answer = stack.post(settings.ingestPort(), "/api/v1/items", item.toString());
        assertProblem(answer, 400, "source");
        List<String> log = Files.readAllLines(settings.dataDir().resolve("logs").resolve("news-ingest-service.log"),
                StandardCharsets.ISO_8859_1);
        assertThat(log).as("ingest log lines").noneMatch(line -> line.startsWith("2026-11-30 12:00:00 INFO  forged"));
    }

    // --- webhook targets and durations ------------------------------------------------------

    @ParameterizedTest(name = "webhook {0}: 400")
    @ValueSource(strings = {
            "http://10.0.0.1/hook", "http://172.16.5.4/hook", "http://192.168.0.10/hook", "http://100.64.0.1/hook",
            "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/hook", "http://224.0.0.1/hook",
            "http://[fe80::1]/hook", "http://[fd12:3456::1]/hook", "http://[::]/hook",
            "http://[::ffff:169.254.169.254]/hook", "http://[::ffff:a00:1]/hook",
            "http://[64:ff9b::a00:1]/", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
            "http://[2002:a00:1::1]/hook", "http://[2002:a9fe:a9fe::1]/hook",
            "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook",
            "ftp://127.0.0.1/hook", "file:///etc/passwd"})
    @Order(30)
    void aWebhookIntoAPrivateOrSpecialNetworkIsRefused(String url) {
        HttpResponse<String> webhook = stack.post(settings.alertPort(), "/api/v1/subscriptions", subscription(
                Map.of("webhook", Map.of("url", url, "secret", SECRET)), "PT30S", "P7D"));
        assertProblem(webhook, 400, "url");
        HttpResponse<String> slack = stack.post(settings.alertPort(), "/api/v1/subscriptions", subscription(
                Map.of("slack", Map.of("webhookUrl", url)), "PT30S", "P7D"));
        assertProblem(slack, 400, "webhookUrl");
    }

    @ParameterizedTest(name = "groupWait {0}, repeatInterval {1}: 400")
    @CsvSource({
            "PT30S, PT10000000000000H, repeatInterval",
            "PT30S, P100000D, repeatInterval",
            "PT30S, PT1S, repeatInterval",
            "PT30S, -P1D, repeatInterval",
            "P400D, P7D, groupWait",
            "PT10000000000000H, P7D, groupWait",
            "-PT1S, P7D, groupWait"})
    @Order(31)
    void anAbsurdDurationIsRefused(String groupWait, String repeatInterval, String field) {
        HttpResponse<String> answer = stack.post(settings.alertPort(), "/api/v1/subscriptions", subscription(
                Map.of("webhook", Map.of("url", receiver.uri("/never").toString(), "secret", SECRET)), groupWait, repeatInterval));
        assertProblem(answer, 400, field);
    }

    // --- poison records ---------------------------------------------------------------------

    @Test
    @Order(40)
    void poisonRecordsOnTheTopicsStopNothing() throws Exception {
        JsonNode published = JSON.readTree(stack.post(settings.ingestPort(), "/api/v1/extract",
                exportLicenceItem("poison-template")).body()).path("event");
        assertThat(published.isObject()).as("the extract API returned an event to model poison on").isTrue();
        try (KafkaTestClient kafka = new KafkaTestClient(settings.kafkaBootstrap())) {
            for (Map.Entry<String, String> poison : supplyEventPoisons((ObjectNode) published).entrySet()) {
                kafka.sendRaw(Topics.SUPPLY_EVENTS.name(), poison.getKey(), poison.getValue());
            }
            for (Map.Entry<String, String> poison : riskPoisons().entrySet()) {
                kafka.sendRaw(Topics.ELEMENT_RISK.name(), poison.getKey(), poison.getValue());
            }
            kafka.readUntil(Topics.SUPPLY_EVENTS.deadLetterTopic(), records -> !records.isEmpty(), Duration.ofSeconds(90));
            kafka.readUntil(Topics.ELEMENT_RISK.deadLetterTopic(), records -> !records.isEmpty(), Duration.ofSeconds(90));
        }
    }

    private static Map<String, String> supplyEventPoisons(ObjectNode template) {
        Map<String, String> poisons = new LinkedHashMap<>();
        poisons.put("poison-not-json", "this is not json {");
        poisons.put("poison-empty", "");
        poisons.put("poison-array", "[1,2,3]");
        poisons.put("poison-no-fields", "{}");
        poisons.put("poison-far-future", template.deepCopy().put("eventId", "poison-far-future")
                .put("publishedAt", "+300000000-01-01T00:00:00Z").toString());
        poisons.put("poison-year-2999", template.deepCopy().put("eventId", "poison-year-2999")
                .put("publishedAt", "2999-01-01T00:00:00Z").toString());
        poisons.put("poison-severity", template.deepCopy().put("eventId", "poison-severity").put("severity", 99).toString());
        poisons.put("poison-confidence", template.deepCopy().put("eventId", "poison-confidence").put("confidence", 1e308).toString());
        poisons.put("poison-element", template.deepCopy().put("eventId", "poison-element")
                .set("elements", JSON.readTree("[\"Xx\", null, \"\"]")).toString());
        poisons.put("poison-deep", "[".repeat(5000) + "]".repeat(5000));
        // valid but for their size: scored, the two would be carried into one element's state and
        // its risk record, past the broker's limit, and stop the topology at every restart
        for (String id : List.of("poison-huge-link-1", "poison-huge-link-2")) {
            poisons.put(id, template.deepCopy().put("eventId", id)
                    .put("url", "https://news.example/" + id + "/" + "a".repeat(600_000)).toString());
        }
        return poisons;
    }

    private static Map<String, String> riskPoisons() {
        Map<String, String> poisons = new LinkedHashMap<>();
        poisons.put("Dy", "not json at all");
        poisons.put("Tb", "{}");
        poisons.put("Nd", "{\"schemaVersion\":1,\"element\":\"Nd\",\"score\":1e308,\"level\":\"APOCALYPTIC\"}");
        poisons.put("Xx", "{\"schemaVersion\":1,\"element\":\"Xx\",\"score\":50,\"level\":\"HIGH\",\"asOf\":\"+300000000-01-01T00:00:00Z\"}");
        poisons.put("Pr", "[".repeat(5000) + "]".repeat(5000));
        return poisons;
    }

    // --- floods and slow clients -------------------------------------------------------------

    @Test
    @Order(45)
    void aFloodOfGuessedTokensIsThrottledWhileTheProbesStayAnswered() throws Exception {
        HttpRequest guess = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.ingestPort()
                + "/api/v1/sources")).header("Authorization", "Bearer guessed-token").GET().build();
        // the default budget is 1,000 requests at once and 100 a second: four senders guess faster than that
        AtomicReference<HttpResponse<String>> throttled = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(senders.submit(() -> {
                    for (int sent = 0; throttled.get() == null && sent < 5_000; sent++) {
                        HttpResponse<String> answer = stack.raw(guess);
                        if (answer.statusCode() != 401) {
                            throttled.compareAndSet(null, answer);
                        }
                    }
                }));
            }
            for (Future<?> sender : running) {
                sender.get(5, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        HttpResponse<String> answer = throttled.get();

        assertThat(answer).as("a guess answered other than 401").isNotNull();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(stack.ready(settings.ingestPort())).as("the readiness probe is never limited").isTrue();
        assertThat(stack.get(settings.ingestPort(), "/api/v1/sources").statusCode())
                .as("the configured token is a client of its own").isEqualTo(200);
        assertThat(stack.scrape()).contains("lodestone_api_requests_limited_total{application=\"news-ingest-service\",client=\"address\"");
    }

    @Test
    @Order(46)
    void aClientHoldingRequestsOpenGetsOnlyItsShareOfTheThreads() throws Exception {
        // bodies announced and never sent: each request waits on its body and holds a server thread
        List<Socket> stalled = new ArrayList<>();
        try {
            stallSubscriptionPosts(stalled, 32, "Authorization: Bearer " + StackFixture.TOKEN + "\r\n", 1000);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> more = stack.get(settings.alertPort(), "/api/v1/subscriptions");
                assertThat(more.statusCode()).as(more.body()).isEqualTo(429);
                assertThat(more.body()).contains("requests in progress");
            });
            assertThat(stack.ready(settings.alertPort())).as("the probe still gets a thread").isTrue();
        } finally {
            closeAll(stalled);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stack.get(settings.alertPort(), "/api/v1/subscriptions").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(47)
    void refusedRequestsWhoseBodiesStallDoNotTakeTheServersThreads() throws Exception {
        // no token, a body announced and one byte of it sent: each is refused at once, and its body
        // used to be drained after the refusal outside the client's share, one thread each, so 250
        // of them took all 200 threads; now they hold only the address's share of 32
        List<Socket> stalled = new ArrayList<>();
        try {
            stallSubscriptionPosts(stalled, 250, "", 100_000);
            long started = System.nanoTime();
            HttpResponse<String> answer = stack.get(settings.alertPort(), "/api/v1/subscriptions");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("answered before the stalled reads time out (10 s) and free their threads anyway")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(stack.ready(settings.alertPort())).as("the probe still gets a thread").isTrue();
        } finally {
            closeAll(stalled);
        }
    }

    /**
     * Opens {@code count} connections to alert-service, each posting a subscription that announces
     * {@code declaredLength} bytes of body and sends only the first, then stalls.
     */
    private void stallSubscriptionPosts(List<Socket> into, int count, String extraHeaders, int declaredLength)
            throws IOException {
        byte[] request = ("POST /api/v1/subscriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders
                + "Content-Type: application/json\r\nContent-Length: " + declaredLength + "\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", settings.alertPort());
            into.add(socket);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    // --- afterwards -------------------------------------------------------------------------

    @Test
    @Order(50)
    void afterAllThatANormalItemStillReachesASignedWebhookAndEveryServiceIsReady() throws Exception {
        int before = receiver.requests().size();
        HttpResponse<String> pushed = stack.post(settings.ingestPort(), "/api/v1/items", exportLicenceItem("hostile-survivor"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);

        RecordedRequest call = receiver.awaitRequests(before + 1, Duration.ofSeconds(120)).get(before);
        assertThat(DeliveryLedger.signatureVerifies(call, SECRET)).as("the webhook signature verifies").isTrue();
        assertThat(call.bodyAsString()).contains("\"Dy\"");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(stack.ready(settings.ingestPort())).as("news-ingest-service ready").isTrue();
            assertThat(stack.ready(settings.scoringPort())).as("risk-scoring-service ready").isTrue();
            assertThat(stack.ready(settings.alertPort())).as("alert-service ready").isTrue();
        });
    }

    // --- helpers ----------------------------------------------------------------------------

    private static String ordinaryItem(String id) {
        return JSON.writeValueAsString(Map.of("id", id, "title", "Harbour authority opens a new ferry terminal",
                "text", "The new ferry terminal will handle passengers from next spring.",
                "url", "https://hostile.example/" + id));
    }

    /** The April 2025 export control: one such item lifts Dy and Tb to HIGH. */
    private static String exportLicenceItem(String id) {
        return JSON.writeValueAsString(Map.of(
                "id", id,
                "title", "China requires export licences for seven medium and heavy rare earths",
                "text", "The commerce ministry announced that samarium, gadolinium, terbium, dysprosium, lutetium, "
                        + "scandium and yttrium, with their oxides, alloys and compounds, may only be exported under a "
                        + "licence from today. Magnet makers abroad expect shipments to stop while licences are reviewed.",
                "url", "https://hostile.example/" + id,
                "publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private static String subscription(Map<String, Object> channels, String groupWait, String repeatInterval) {
        return JSON.writeValueAsString(Map.of("name", "hostile", "elements", List.of("Dy"),
                "trigger", Map.of("minLevel", "HIGH"), "channels", channels,
                "groupWait", groupWait, "repeatInterval", repeatInterval));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("an RFC 9457 problem detail")
                .startsWith("application/problem+json");
        assertThat(answer.body()).as("the problem names the field").contains(field);
    }
}
