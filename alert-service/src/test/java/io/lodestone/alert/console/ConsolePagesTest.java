package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.alert.TestDatabase;
import io.lodestone.events.Contributor;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console with a public board (the local setting): the board and element pages show to anyone,
 * everything else still wants sign-in; the element page explains a risk with its quoted evidence;
 * and the subscription form refuses what the API refuses, each problem next to its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + ConsolePagesTest.TOKEN,
        "lodestone.console.public-board=true",
        "lodestone.console.board-heartbeat=PT1S",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + ConsolePagesTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
class ConsolePagesTest {

    static final String TOKEN = "console-pages-token";
    static final String PASSWORD = "pages-password";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Contributor CONTROL = new Contributor("evt-2025-04-04-mofcom-18",
            "MOFCOM No. 18 of 2025 <b>export controls</b>", "https://www.mofcom.gov.cn/article/zcfb?id=18",
            EventType.EXPORT_RESTRICTION, Instant.parse("2025-04-04T08:00:00Z"), 38.5,
            "Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences <script>alert('x')</script>", "en");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_console_pages");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void oneClientCannotTakeEveryLiveBoardAndAViewerThatLeftFreesItsPlace() throws Exception {
        List<java.net.Socket> boards = new ArrayList<>();
        try {
            for (int i = 0; i < BoardEvents.MAX_STREAMS_PER_CLIENT; i++) {
                java.net.Socket board = new java.net.Socket("127.0.0.1", port);
                boards.add(board);
                board.setSoTimeout(10_000);
                board.getOutputStream().write(("GET /board/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                // the headers and the opening comment come at once, before any risk changes
                assertThat(readUntil(board, ":open")).startsWith("HTTP/1.1 200").contains("text/event-stream");
            }
            HttpResponse<String> oneMore = new ConsoleClient(port).get("/board/events");
            assertThat(oneMore.statusCode()).isEqualTo(429);
            assertThat(oneMore.headers().firstValue("Retry-After")).isPresent();
            assertThat(oneMore.body()).contains("live boards");

            boards.remove(0).close();
            // the next heartbeat finds the closed one: its place is free without any risk change
            await().atMost(WAIT).until(() -> {
                java.net.Socket board = new java.net.Socket("127.0.0.1", port);
                board.setSoTimeout(10_000);
                board.getOutputStream().write(("GET /board/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = readUntil(board, "\r\n\r\n");
                if (answer.startsWith("HTTP/1.1 200")) {
                    boards.add(board);
                    return true;
                }
                board.close();
                return false;
            });
        } finally {
            for (java.net.Socket board : boards) {
                board.close();
            }
        }
    }

    /** What the socket sends until {@code end} has come (or it stops sending). */
    private static String readUntil(java.net.Socket socket, String end) throws java.io.IOException {
        StringBuilder read = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        while (read.indexOf(end) < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            read.append((char) c);
        }
        return read.toString();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/elements/Tb", "/board/rows/Tb"})
    void anyoneReadsTheBoardAndElementPagesWhenTheBoardIsPublic(String path) {
        HttpResponse<String> response = new ConsoleClient(port).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("terbium").doesNotContain("Sign out");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/subscriptions", "/silences", "/alerts", "/deliveries", "/boms", "/anything-else"})
    void everythingElseStillWantsSignInWhenTheBoardIsPublic(String path) {
        HttpResponse<String> response = new ConsoleClient(port).get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(ConsoleClient.location(response)).isEqualTo("/login");
    }

    @Test
    void anUntrackedSymbolGetsANotFoundPageNotAnApiDocument() {
        HttpResponse<String> page = new ConsoleClient(port).get("/elements/Xx");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("No tracked element Xx", "Back to the board");
    }

    @Test
    void theElementPageExplainsARiskWithItsQuotedEvidenceSourceAndLanguage() {
        // Given the April 2025 control raised dysprosium to HIGH
        publish(new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Dy", 72.5, RiskLevel.HIGH, 30.0,
                RiskLevel.GUARDED, 25.0, Instant.parse("2025-04-04T09:00:00Z"), List.of(CONTROL)));
        ConsoleClient browser = new ConsoleClient(port);
        await().atMost(WAIT).until(() -> browser.get("/board/rows/Dy").body().contains("HIGH"));

        // When anyone opens the element page
        String page = browser.get("/elements/Dy").body();

        // Then it names the level in words, the baseline, and the contributor with its escaped quote
        assertThat(page).contains(">HIGH<", "72.5", "25.0", "MOFCOM No. 18 of 2025 &lt;b&gt;export controls&lt;/b&gt;",
                "now need export licences &lt;script&gt;", "href=\"https://www.mofcom.gov.cn/article/zcfb?id=18\"",
                "<td class=\"language\">en</td>", "+38.5", "data-chart=");
        assertThat(page).doesNotContain("<script>alert");
        // And the board shows the level, the score and the headline on Dy's row
        assertThat(browser.get("/board/rows/Dy").body()).contains("level-high", "72.5", "MOFCOM No. 18");
    }

    @Test
    void theChartOfAnElementWithLargeChangesIsDrawnFromTheDatabaseWithEachEventOnceAndShortLabels() throws Exception {
        // Given three changes of terbium, each naming eight contributors with 4,000-character titles and one
        // dated in the year 300,000,000,
        // the later two naming some of the earlier ones again
        for (int change = 0; change < 3; change++) {
            int first = change * 4;
            String day = "2025-04-0" + (change + 1);
            List<Contributor> contributors = java.util.stream.IntStream.range(first, first + 8).mapToObj(i -> new Contributor(
                    "evt-tb-" + i, "Terbium report " + i + " " + "y".repeat(3_980), "https://example.org/tb/" + i,
                    EventType.EXPORT_RESTRICTION, Instant.parse(day + "T08:00:00Z"), 10.0 + i,
                    "quote", "en")).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            // and one dated where PostgreSQL cannot follow (the contract bounds no contributor's date)
            contributors.add(new Contributor("evt-tb-far-" + change, "Far future", "https://example.org/tb/far",
                    EventType.EXPORT_RESTRICTION, Instant.parse("+300000000-01-01T00:00:00Z"), 1.0, "quote", "en"));
            publish(new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Tb", 60.0 + change, RiskLevel.HIGH, 30.0,
                    RiskLevel.GUARDED, 25.0, Instant.parse(day + "T09:00:00Z"), contributors));
        }
        ConsoleClient browser = new ConsoleClient(port);
        await().atMost(WAIT).until(() -> browser.get("/board/rows/Tb").body().contains("62.0"));

        // When anyone opens terbium's page
        String page = browser.get("/elements/Tb").body();

        // Then its chart has the three points, each of the 16 dated events once in the order they first
        // contributed (the one dated past PostgreSQL's range left out), and each label is its title's
        // first 300 characters
        Matcher chart = Pattern.compile("data-chart=\"([^\"]*)\"").matcher(page);
        assertThat(chart.find()).isTrue();
        var data = JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(chart.group(1)));
        assertThat(data.get("points")).hasSize(3);
        assertThat(data.get("markers")).hasSize(16);
        assertThat(data.get("markers").get(0).get("title").asString()).startsWith("Terbium report 0 ").hasSize(300);
        assertThat(data.get("markers").get(15).get("title").asString()).startsWith("Terbium report 15 ");
    }

    /** A contributor's link comes from a news item: only an http(s) one is a link, any other is its title as text. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "//evil.example/x",
            "https:evil.example"})
    void aContributorLinkThatIsNotHttpIsShownAsTextNotAsALink(String url) {
        // Given gallium's top contributor links somewhere no page should send a reader
        String title = "Hostile link " + Math.abs(url.hashCode());
        publish(new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Ga", 61.0 + Math.abs(url.hashCode() % 30) / 10.0,
                RiskLevel.ELEVATED, 30.0, RiskLevel.GUARDED, 25.0, Instant.now(), List.of(new Contributor(
                        "evt-hostile-" + Math.abs(url.hashCode()), title, url, EventType.EXPORT_RESTRICTION,
                        Instant.parse("2025-04-04T08:00:00Z"), 20.0, "quote", "en"))));
        ConsoleClient browser = new ConsoleClient(port);
        await().atMost(WAIT).until(() -> browser.get("/board/rows/Ga").body().contains(title));

        // When anyone opens the board, gallium's row and its element page
        for (String path : List.of("/", "/board/rows/Ga", "/elements/Ga")) {
            String page = browser.get(path).body();

            // Then the title is there, as text, and no link leads to the URL
            assertThat(page).as(path).contains(title).doesNotContainIgnoringCase("href=\"javascript")
                    .doesNotContainIgnoringCase("href=\" javascript").doesNotContain("href=\"data:", "href=\"vbscript:",
                            "href=\"//evil", "href=\"https:evil");
        }
    }

    @Test
    void theSubscriptionFormShowsEachProblemNextToItsField() {
        ConsoleClient browser = signedIn();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", " ");
        form.put("elements", "Dy, Xx");
        form.put("triggerKind", "minScore");
        form.put("minScore", "150");
        form.put("emailTo", "buyer@example.com, not-an-address");
        form.put("groupWait", "P30D");
        form.put("repeatInterval", "every week");

        HttpResponse<String> page = browser.submit("/subscriptions/new", "/subscriptions", form);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(fieldError(page.body(), "name")).isEqualTo("must not be blank");
        assertThat(fieldError(page.body(), "elements")).contains("entry 2 is not a tracked element symbol");
        assertThat(fieldError(page.body(), "minScore")).isEqualTo("must be between 0 and 100");
        assertThat(fieldError(page.body(), "emailTo")).isEqualTo("entry 2 is not an email address");
        assertThat(fieldError(page.body(), "groupWait")).startsWith("must be between PT0S and PT24H");
        assertThat(fieldError(page.body(), "repeatInterval")).startsWith("must be an ISO-8601 duration");
        // And what was typed stays in the form
        assertThat(page.body()).contains("value=\"Dy, Xx\"", "value=\"buyer@example.com, not-an-address\"");
        assertThat(new ConsoleClient(port).get("/api/v1/subscriptions", "Authorization", "Bearer " + TOKEN).body())
                .isEqualTo("[]");
    }

    @Test
    void aSubscriptionCreatedThroughTheFormIsTheOneTheApiServes() {
        ConsoleClient browser = signedIn();

        HttpResponse<String> created = browser.submit("/subscriptions/new", "/subscriptions", Map.of(
                "name", "Form buyers", "elements", "Nd Pr", "groups", "HREE", "triggerKind", "minLevel",
                "minLevel", "ELEVATED", "emailTo", "form-buyer@example.com", "notifyOnResolve", "true"));

        assertThat(created.statusCode()).isEqualTo(302);
        String page = browser.get(ConsoleClient.location(created)).body();
        assertThat(page).contains("Form buyers", "level ELEVATED or above", "form-buyer@example.com", "Nd, Pr, Eu");
        assertThat(new ConsoleClient(port).get("/api/v1/subscriptions", "Authorization", "Bearer " + TOKEN).body())
                .contains("\"name\":\"Form buyers\"", "\"minLevel\":\"ELEVATED\"");
    }

    @Test
    void aSubscriptionNameOnSeveralLinesIsRefusedNextToTheField() {
        ConsoleClient browser = signedIn();

        HttpResponse<String> page = browser.submit("/subscriptions/new", "/subscriptions", Map.of(
                "name", "Form buyers\r\nBcc: victim@example.com", "elements", "Dy", "triggerKind", "minLevel",
                "minLevel", "HIGH", "emailTo", "form-buyer@example.com"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(fieldError(page.body(), "name")).contains("one line without control characters");
        assertThat(new ConsoleClient(port).get("/api/v1/subscriptions", "Authorization", "Bearer " + TOKEN).body())
                .doesNotContain("victim");
    }

    @Test
    void aSilenceWithoutAnEndIsRefusedNextToTheField() {
        ConsoleClient browser = signedIn();

        HttpResponse<String> page = browser.submit("/silences", "/silences", Map.of("elements", "Dy", "comment", "x"));

        assertThat(fieldError(page.body(), "endsAt")).isEqualTo("must be set");
    }

    private ConsoleClient signedIn() {
        ConsoleClient browser = new ConsoleClient(port);
        assertThat(ConsoleClient.location(browser.signIn("buyer", PASSWORD))).isEqualTo("/");
        return browser;
    }

    /** The text of the error shown under a field ({@code id="<field>-error"}), or null when none. */
    static String fieldError(String page, String field) {
        Matcher matcher = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(page);
        return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
    }

    private void publish(ElementRiskChanged change) {
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, "/lodestone/risk-scoring-service"));
        }
    }
}
