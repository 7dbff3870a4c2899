package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Topics;
import io.lodestone.testsupport.KafkaTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One story per event, end to end, with news-ingest-service running as two replicas on the real
 * local stack: the replicas together publish exactly what the offline command (one pipeline)
 * publishes for the same items in the same order; templated notices on different elements stay
 * different events and each moves its own element's risk; several outlets' reports of one control
 * are one event that counts once in the score; and the stories survive a replica being killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoriesOnTheStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    private static final Map<String, String> BANNED = banned();

    private static StackFixture stack;
    private static int secondPort;
    private static String secondReplica;

    @BeforeAll
    static void startTheStackWithTwoIngestReplicas() throws Exception {
        stack = StackFixture.start(Map.of());
        secondPort = FreePorts.next();
        secondReplica = stack.stack.startReplica("news-ingest-service", secondPort);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void twoReplicasPublishWhatOnePipelinePublishes() throws Exception {
        List<String> items = new ArrayList<>(templatedBans());
        items.addAll(outlets().subList(0, 4));
        items.add(item("pottery", "https://town.example.org/pottery", 30, "Pottery fair draws record crowd",
                "A pottery fair in the old town drew a record crowd, the organisers said, with stalls selling glazed bowls."));

        // Every item goes to both replicas, alternating which one sees it first, as a load balancer
        // retrying on another instance would do.
        int[] ports = {stack.settings.ingestPort(), secondPort};
        for (int i = 0; i < items.size(); i++) {
            push(ports[i % 2], items.get(i));
            push(ports[(i + 1) % 2], items.get(i));
        }

        List<String> expected = offline(items);
        assertThat(expected).as("one pipeline: twelve ban events, then one story corroborated four times").hasSize(16);
        List<String> published = awaitEvents(expected.size());
        // supply.events.v1 is keyed and partitioned: order holds per story, not across the topic
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
        try (KafkaTestClient kafka = new KafkaTestClient(stack.settings.kafkaBootstrap())) {
            assertThat(kafka.readAll(Topics.SUPPLY_EVENTS.name(), Duration.ofSeconds(8)))
                    .as("nothing more is published once both replicas are done").hasSize(expected.size());
        }
    }

    @Test
    @Order(2)
    void twelveTemplatedBansMoveTwelveRiskLevels() {
        List<JsonNode> events = eventRecords();
        Map<String, String> eventByElement = new LinkedHashMap<>();
        for (JsonNode event : events) {
            if (event.get("url").asString().contains("notices.example.gov")) {
                assertThat(event.get("elements")).as(event.get("title").asString()).hasSize(1);
                eventByElement.put(event.get("elements").get(0).asString(), event.get("eventId").asString());
            }
        }
        assertThat(eventByElement.keySet()).containsExactlyInAnyOrderElementsOf(BANNED.keySet());

        await().atMost(WAIT).untilAsserted(() -> eventByElement.forEach((element, eventId) -> {
            JsonNode risk = risk(element);
            assertThat(contributions(risk, eventId)).as(element + " counts its own ban once").hasSize(1);
            assertThat(risk.path("summary").path("score").asDouble()).as(element + " score above its baseline")
                    .isGreaterThan(risk.path("summary").path("baseline").asDouble());
        }));
    }

    @Test
    @Order(3)
    void fourOutletsAreOneEventThatCountsOnceInTheScore() {
        List<JsonNode> story = eventRecords().stream()
                .filter(e -> e.get("elements").toString().contains("\"Ho\"")).toList();
        assertThat(story).extracting(e -> e.get("corroborations").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(story.stream().map(e -> e.get("eventId").asString()).distinct()).hasSize(1);
        String eventId = story.get(0).get("eventId").asString();

        await().atMost(WAIT).untilAsserted(() -> {
            for (String element : List.of("Ho", "Er", "Tm", "Eu", "Yb")) {
                List<JsonNode> counted = contributions(risk(element), eventId);
                assertThat(counted).as(element).hasSize(1);
            }
        });
    }

    @Test
    @Order(4)
    void storiesSurviveAReplicaBeingKilled() {
        String eventId = eventRecords().stream().filter(e -> e.get("elements").toString().contains("\"Ho\""))
                .findFirst().orElseThrow().get("eventId").asString();

        stack.stack.killService("news-ingest-service");
        push(secondPort, outlets().get(4));

        List<JsonNode> latest = awaitEventCount(17);
        assertThat(latest).as("the fifth outlet joins the story: one record more, no new story").hasSize(17);
        assertThat(lastOfStory(latest, eventId).get("corroborations").asInt()).isEqualTo(5);
    }

    @Test
    @Order(5)
    void storiesSurviveEveryReplicaBeingRestarted() throws IOException {
        String eventId = eventRecords().stream().filter(e -> e.get("elements").toString().contains("\"Ho\""))
                .findFirst().orElseThrow().get("eventId").asString();

        stack.stack.restartService("news-ingest-service");
        stack.stack.killService(secondReplica);
        push(stack.settings.ingestPort(), outlets().get(5));

        List<JsonNode> latest = awaitEventCount(18);
        assertThat(latest).hasSize(18);
        assertThat(lastOfStory(latest, eventId).get("corroborations").asInt()).isEqualTo(6);
    }

    // --- items: our own wording, dated within the last two days --------------------------------

    private static Map<String, String> banned() {
        Map<String, String> metals = new LinkedHashMap<>();
        String[][] pairs = {{"Ga", "gallium"}, {"Ge", "germanium"}, {"Sb", "antimony"}, {"C", "graphite"},
                {"W", "tungsten"}, {"In", "indium"}, {"Bi", "bismuth"}, {"Te", "tellurium"},
                {"Mo", "molybdenum"}, {"Dy", "dysprosium"}, {"Tb", "terbium"}, {"Sm", "samarium"}};
        for (String[] pair : pairs) {
            metals.put(pair[0], pair[1]);
        }
        return metals;
    }

    /** Twelve notices from one template that differ only in the element. */
    private static List<String> templatedBans() {
        List<String> items = new ArrayList<>();
        int minute = 0;
        for (String metal : BANNED.values()) {
            items.add(item("stack-ban-" + metal, "https://notices.example.gov/stack-ban-" + metal, minute++ / 60.0,
                    "Export ban on " + metal + " shipments to the United States announced",
                    "The commerce ministry announced that exports of " + metal + " and its products to the United States "
                            + "are prohibited from today, on national security grounds and because of dual-use concerns."));
        }
        return items;
    }

    /** Six outlets, in their own words, reporting one new licensing control on five heavy rare earths. */
    private static List<String> outlets() {
        return List.of(
                item("stack-wire", "https://wire.example.com/stack-licences", 3,
                        "China orders export licences for holmium, erbium, thulium, europium and ytterbium",
                        "China's commerce ministry said exporters of holmium, erbium, thulium, europium and ytterbium will need "
                                + "a licence from next month under Announcement No. 62, citing national security."),
                item("stack-daily", "https://daily.example.org/stack-five-rare-earths", 5,
                        "Beijing adds five rare earths to its export licence list",
                        "Holmium, erbium, thulium, europium and ytterbium now require export licences, the commerce ministry "
                                + "said in Announcement No. 62, widening controls on the metals used in lasers and magnets."),
                item("stack-journal", "https://journal.example.net/stack-ree-controls", 9,
                        "New Chinese export controls cover five more rare earth elements",
                        "Under Announcement No. 62, exports of holmium, erbium, thulium, europium and ytterbium will be "
                                + "licensed, the Ministry of Commerce said, a move analysts expect to slow shipments."),
                item("stack-letter", "https://letter.example.io/stack-no-62", 14,
                        "MOFCOM No. 62 puts holmium, erbium, thulium, europium and ytterbium under licence",
                        "Exporters must obtain licences for holmium, erbium, thulium, europium and ytterbium under MOFCOM "
                                + "Announcement No. 62, the ministry said."),
                item("stack-brief", "https://brief.example.co/stack-licensing", 20,
                        "Five heavy rare earths face Chinese export licensing",
                        "The Chinese commerce ministry's Announcement No. 62 requires licences to export holmium, erbium, "
                                + "thulium, europium and ytterbium, tightening supply for magnet and laser makers."),
                item("stack-gazette", "https://gazette.example.net/stack-ree-licences", 26,
                        "Licences now needed for holmium, erbium, thulium, europium, ytterbium exports",
                        "Exporters of holmium, erbium, thulium, europium and ytterbium must now apply for licences under "
                                + "commerce ministry Announcement No. 62, according to the ministry's notice."));
    }

    private static String item(String id, String url, double hoursAfterStart, String title, String text) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("title", title);
        item.put("text", text);
        item.put("url", url);
        item.put("publishedAt", START.plusSeconds((long) (hoursAfterStart * 3600)).toString());
        return JSON.writeValueAsString(item);
    }

    // --- what a user sees: push answers, the public topic, the risk API ------------------------

    private static void push(int port, String item) {
        HttpResponse<String> answer = stack.post(port, "/api/v1/items", item);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The events the offline command publishes (PUBLISHED and CORROBORATED lines) for these items in this order. */
    private static List<String> offline(List<String> items) throws IOException, InterruptedException {
        Path input = Files.createTempFile("stack-items", ".jsonl");
        List<String> pushed = items.stream().map(i -> i.replaceFirst("^\\{", "{\"source\":\"push\",")).toList();
        Files.write(input, pushed, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(ChildProcess.java(), "-jar",
                stack.settings.jar("news-ingest-service").toString(), "extract", "--dedupe")
                .redirectInput(input.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream stdout = process.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<String> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            JsonNode event = JSON.readTree(line);
            String status = event.path("status").asString("");
            if (status.equals("PUBLISHED") || status.equals("CORROBORATED")) {
                events.add(essence(event));
            }
        }
        return events;
    }

    private static List<String> awaitEvents(int count) {
        return awaitEventCount(count).stream().map(StoriesOnTheStackTest::essence).toList();
    }

    private static List<JsonNode> awaitEventCount(int count) {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.settings.kafkaBootstrap())) {
            return kafka.readUntil(Topics.SUPPLY_EVENTS.name(), records -> records.size() >= count, WAIT)
                    .stream().map(r -> JSON.readTree(r.value())).toList();
        }
    }

    /** A story's latest record: its records share a key, so they keep their order on the topic. */
    private static JsonNode lastOfStory(List<JsonNode> events, String eventId) {
        return events.stream().filter(e -> e.get("eventId").asString().equals(eventId)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no record of story " + eventId));
    }

    /** Everything on the topic once nothing more arrives (a consumer's first poll may hold only part of it). */
    private static List<JsonNode> eventRecords() {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.settings.kafkaBootstrap())) {
            return kafka.readAll(Topics.SUPPLY_EVENTS.name(), Duration.ofSeconds(3)).stream()
                    .map(r -> JSON.readTree(r.value())).toList();
        }
    }

    private static String essence(JsonNode event) {
        return event.get("eventId").asString() + " " + event.get("eventType").asString() + " " + event.get("elements")
                + " " + event.get("publishedAt").asString() + " corroborations=" + event.get("corroborations").asInt();
    }

    private static JsonNode risk(String element) {
        return JSON.readTree(stack.get(stack.settings.scoringPort(), "/api/v1/risk/" + element).body());
    }

    private static List<JsonNode> contributions(JsonNode risk, String eventId) {
        List<JsonNode> counted = new ArrayList<>();
        risk.path("contributors").forEach(c -> {
            if (c.path("eventId").asString("").equals(eventId)) {
                counted.add(c);
            }
        });
        return counted;
    }
}
