package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Topics;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as {@code ./run-local.sh} runs it — a real KRaft broker, PostgreSQL, the mail
 * catcher and the three service jars as separate processes — driven the way a user would: over
 * HTTP, with a real webhook receiver, watching the public topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "lodestone-end-to-end-test-key-32b".getBytes(StandardCharsets.UTF_8));
    private static final List<String> APRIL_2025 = List.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RecordingHttpServer RECEIVER = RecordingHttpServer.start();
    private static final RecordingHttpServer FEEDS = RecordingHttpServer.start().respondTo("/feed.rss",
            Response.ok("application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>e2e</title><link>https://e2e.example/</link><description>e2e</description>
                    <item><guid>e2e-1</guid><title>Heritage society restores an old mill</title>
                    <description>Volunteers restored a water mill.</description></item></channel></rss>
                    """));
    private static StackFixture stack;
    private static StackSettings settings;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = StackFixture.start(Map.of(
                "LODESTONE_INGEST_SOURCES_0_ID", "e2e-feed",
                "LODESTONE_INGEST_SOURCES_0_KIND", "FEED",
                "LODESTONE_INGEST_SOURCES_0_URL", FEEDS.uri("/feed.rss").toString()));
        settings = stack.settings;
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        RECEIVER.close();
        FEEDS.close();
    }

    @Test
    @Order(1)
    void exportControlPushedTwiceGivesOneSignedWebhookCallAndRaisesRisk() throws Exception {
        HttpResponse<String> created = stack.post(settings.alertPort(), "/api/v1/subscriptions", JSON.writeValueAsString(Map.of(
                "name", "e2e magnet metals",
                "elements", APRIL_2025,
                "trigger", Map.of("minLevel", "HIGH"),
                "channels", Map.of("webhook", Map.of("url", RECEIVER.uri("/hooks/e2e").toString(), "secret", SECRET)),
                "groupWait", "PT3S")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String item = JSON.writeValueAsString(Map.of(
                "id", "e2e-mofcom-18",
                "title", "China requires export licences for seven medium and heavy rare earths",
                "text", "The commerce ministry announced that samarium, gadolinium, terbium, dysprosium, lutetium, "
                        + "scandium and yttrium, with their oxides, alloys and compounds, may only be exported under a "
                        + "licence from today. Magnet makers abroad expect shipments to stop while licences are reviewed.",
                "url", "https://e2e.example.org/mofcom-18",
                "publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        HttpResponse<String> pushed = stack.post(settings.ingestPort(), "/api/v1/items", item);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        // Accepted once the story stage holds it durably; the stage publishes the story's event.
        assertThat(JSON.readTree(pushed.body()).get("status").asString()).isEqualTo("ACCEPTED");

        RecordedRequest call = RECEIVER.awaitRequests(1, Duration.ofSeconds(120)).get(0);
        assertThat(verifies(call)).as("Standard Webhooks signature verifies with the subscription's secret").isTrue();
        assertThat(call.bodyAsString()).contains("\"Dy\"", "\"Tb\"");

        try (KafkaTestClient kafka = new KafkaTestClient(settings.kafkaBootstrap())) {
            ConsumerRecord<String, String> dy = kafka.readUntil(Topics.ELEMENT_RISK.name(),
                    records -> records.stream().anyMatch(r -> "Dy".equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> "Dy".equals(r.key())).reduce((a, b) -> b).orElseThrow();
            assertThat(JSON.readTree(dy.value()).get("level").asString()).isIn("HIGH", "SEVERE");
        }
        JsonNode risk = JSON.readTree(stack.get(settings.scoringPort(), "/api/v1/risk/Dy").body());
        assertThat(risk.path("summary").path("level").asString()).isIn("HIGH", "SEVERE");

        // The same item again is accepted as the same event, which the story stage recognises as
        // a repeat: nothing new is published, so no second webhook call.
        HttpResponse<String> again = stack.post(settings.ingestPort(), "/api/v1/items", item);
        assertThat(JSON.readTree(again.body()).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(JSON.readTree(again.body()).path("event").path("eventId").asString())
                .isEqualTo(JSON.readTree(pushed.body()).path("event").path("eventId").asString());
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                .until(() -> RECEIVER.requests().size() == 1);

        JsonNode alerts = JSON.readTree(stack.get(settings.alertPort(), "/api/v1/alerts?element=Dy").body());
        assertThat(alerts).anySatisfy(alert -> assertThat(alert.get("state").asString()).isEqualTo("FIRING"));
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardsAndAlertRulesUseIsExported() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.scrape().contains("lodestone_ingest_items_fetched_total"));
        String exported = stack.scrape();

        Set<String> missing = new TreeSet<>();
        for (String metric : metricsUsedByOps()) {
            if (!Pattern.compile("(?m)^" + metric + "[{ ]").matcher(exported).find()) {
                missing.add(metric);
            }
        }
        assertThat(missing).as("metrics named in ops/ but exported by no service").isEmpty();
    }

    @Test
    @Order(3)
    void everyServiceStartsFromItsContextProcessedAheadOfTime() throws IOException {
        // As the stack's JVM options (the image's too) ask: the context generated when the jar was built
        for (String service : List.of("news-ingest-service", "risk-scoring-service", "alert-service")) {
            assertThat(Files.readString(settings.dataDir().resolve("logs").resolve(service + ".log")))
                    .as(service).containsPattern("Starting AOT-processed \\w+Application");
        }
    }

    /**
     * The services listen on 127.0.0.1 only, as the stack's other parts do: a listener on every
     * interface (Java's default, the IPv6 wildcard) also takes connections on ::1.
     */
    @Test
    @Order(3)
    void everyServiceListensOnIpv4LoopbackOnly() {
        for (int port : List.of(settings.ingestPort(), settings.scoringPort(), settings.alertPort())) {
            assertThat(stack.ready(port)).as("port %d answers on 127.0.0.1", port).isTrue();
            assertThatThrownBy(() -> new java.net.Socket("::1", port).close())
                    // refused, or no IPv6 at all on this host: either way nothing listens there
                    .as("port %d refuses ::1", port).isInstanceOf(java.net.SocketException.class);
        }
    }

    /** As {@code ./run-local.sh} runs it: a service killed with SIGKILL is started again, and takes items again. */
    @Test
    @Order(4)
    void aServiceThatDiesIsStartedAgainByTheLaunchersSupervisor() {
        try (Supervisor supervisor = stack.stack.supervise(Duration.ofSeconds(1))) {
            stack.stack.killService("news-ingest-service");

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    supervisor.restarts("news-ingest-service") == 1 && stack.ready(settings.ingestPort()));

            HttpResponse<String> pushed = stack.post(settings.ingestPort(), "/api/v1/items", JSON.writeValueAsString(
                    Map.of("id", "e2e-after-restart", "title", "Harbour authority opens a new ferry terminal",
                            "text", "The terminal will handle passengers from next spring.")));
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            assertThat(supervisor.restarts("risk-scoring-service") + supervisor.restarts("alert-service"))
                    .as("the services that kept running were left alone").isZero();
        }
    }

    /**
     * As {@code ./run-local.sh} runs it: the broker or the database killed with SIGKILL is started
     * again by the launcher, and the services go on without being restarted. Both had stayed down
     * until the whole stack was started again.
     */
    @Test
    @Order(5)
    void aBrokerOrDatabaseThatDiesIsStartedAgainByTheLaunchersSupervisor() {
        try (Supervisor supervisor = stack.stack.supervise(Duration.ofSeconds(1))) {
            stack.stack.killBroker();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> supervisor.restarts(LocalStack.BROKER) == 1);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                HttpResponse<String> pushed = stack.post(settings.ingestPort(), "/api/v1/items", JSON.writeValueAsString(
                        Map.of("id", "e2e-after-broker", "title", "Harbour authority opens a second ferry terminal",
                                "text", "The terminal will handle cars from next summer.")));
                assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            });

            stack.stack.crashDatabase();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> supervisor.restarts(LocalStack.DATABASE) == 1);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(stack.get(settings.alertPort(), "/api/v1/subscriptions").statusCode()).isEqualTo(200));
            assertThat(supervisor.restarts("news-ingest-service") + supervisor.restarts("risk-scoring-service")
                    + supervisor.restarts("alert-service")).as("the services were left alone").isZero();
        }
    }

    private static Set<String> metricsUsedByOps() throws IOException {
        Path ops = settings.root().resolve("ops");
        Set<String> names = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:lodestone|kafka|jvm)_[a-z_]+)\\b");
        try (Stream<Path> files = Stream.concat(Stream.of(ops.resolve("prometheus/rules.yml")),
                Files.list(ops.resolve("grafana/dashboards")))) {
            for (Path file : files.toList()) {
                Matcher matcher = metric.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        assertThat(names).as("ops/ names metrics").hasSizeGreaterThan(10);
        return names;
    }

    private static boolean verifies(RecordedRequest call) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        mac.update((call.header("webhook-id") + "." + call.header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(call.body()));
        return List.of(call.header("webhook-signature").split(" ")).contains(expected);
    }
}
