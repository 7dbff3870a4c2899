package io.lodestone.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story stage on a real KRaft broker, run as the service runs it (exactly-once, stories in a
 * state store with a changelog): templated bans on twelve elements are twelve events, four
 * outlets' reports of one control are one event with four corroborations, an undated item does
 * not cut a story short, a restart forgets nothing, and two replicas publish what one would.
 * Each test has its own topics and application id on the shared broker.
 */
@EmbeddedKafka(partitions = 1)
class StoryStageIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant DETECTED = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant DAY = Instant.parse("2025-10-09T06:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final List<KafkaStreams> running = new ArrayList<>();
    private String brokers;
    private KafkaTestClient kafka;
    private String candidates;
    private String events;
    private String deadLetters;
    private String applicationId;

    @BeforeEach
    void topics(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        kafka = new KafkaTestClient(brokers);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        candidates = "candidates-" + suffix;
        events = "events-" + suffix;
        deadLetters = "candidates-dlt-" + suffix;
        applicationId = "stories-" + suffix;
        kafka.createTopic(candidates, 1, false);
        kafka.createTopic(events, 1, false);
        kafka.createTopic(deadLetters, 1, false);
    }

    @AfterEach
    void stop() {
        running.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        kafka.close();
    }

    @Test
    void twelveTemplatedBansOnTwelveElementsAreTwelveEvents() {
        startStage();
        List<NewsItem> bans = templatedBans();

        bans.forEach(this::submit);

        List<SupplyEventDetected> published = readEvents(records -> records.size() >= 12);
        assertThat(published).hasSize(12);
        assertThat(published.stream().map(SupplyEventDetected::eventId).distinct()).hasSize(12);
        assertThat(published.stream().flatMap(e -> e.elements().stream()).distinct())
                .containsExactlyInAnyOrder("Ga", "Ge", "Sb", "C", "W", "In", "Bi", "Te", "Mo", "Dy", "Tb", "Sm");
        assertThat(published).allMatch(e -> e.corroborations() == 1);
    }

    @Test
    void fourOutletsReportingOneControlAreOneEventWithFourCorroborations() {
        startStage();

        fourOutlets().forEach(this::submit);

        List<SupplyEventDetected> published = readEvents(records -> lastCorroborations(records) == 4);
        assertThat(published.stream().map(SupplyEventDetected::eventId).distinct()).hasSize(1);
        assertThat(published).extracting(SupplyEventDetected::corroborations).containsExactly(1, 2, 3, 4);
        assertThat(published.get(3).title()).isEqualTo(fourOutlets().get(0).title());
    }

    @Test
    void anUndatedItemBetweenDatedOnesDoesNotMakeLaterRewritesUnlinkable() {
        startStage();
        List<NewsItem> outlets = fourOutlets();

        submit(outlets.get(0));
        submit(new NewsItem("undated", "push", "Antimony smelter in Hunan halts output after floods",
                "A major antimony smelter in Hunan halted production after floods damaged its plant, traders said, "
                        + "tightening antimony supply.", "https://blog.example.org/antimony-smelter", null, null));
        submit(outlets.get(1));

        List<SupplyEventDetected> published = readEvents(records -> records.size() >= 3);
        assertThat(published).hasSize(3);
        assertThat(published.get(2).eventId()).isEqualTo(published.get(0).eventId());
        assertThat(published.get(2).corroborations()).isEqualTo(2);
    }

    @Test
    void aRestartedStageKeepsItsStories() {
        KafkaStreams first = startStage();
        List<NewsItem> outlets = fourOutlets();
        submit(outlets.get(0));
        submit(outlets.get(1));
        readEvents(records -> records.size() >= 2);
        first.close(Duration.ofSeconds(30));
        running.remove(first);

        long started = System.nanoTime();
        startStage();
        submit(outlets.get(2));

        List<SupplyEventDetected> published = readEvents(records -> records.size() >= 3);
        long restoredWithinMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(published.get(2).eventId()).isEqualTo(published.get(0).eventId());
        assertThat(published.get(2).corroborations()).isEqualTo(3);
        assertThat(restoredWithinMillis).as("restart, restore and one record").isLessThan(WAIT.toMillis());
    }

    @Test
    void twoReplicasGivenTheSameItemsPublishWhatOneWould() {
        List<NewsItem> items = new ArrayList<>(fourOutlets());
        items.addAll(templatedBans().subList(0, 3));
        List<SupplyEventDetected> expected = new ArrayList<>();
        InMemoryStoryStage single = new InMemoryStoryStage(rules(), expected::add);
        items.forEach(item -> single.submit(candidate(item)));
        startStage();
        startStage();

        for (NewsItem item : items) {
            // each replica extracts the item it was given and hands it to the story stage
            submit(item);
            submit(item);
        }

        List<SupplyEventDetected> published = readEvents(records -> records.size() >= expected.size());
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> readAll().size() == expected.size());
        assertThat(summary(published)).isEqualTo(summary(expected));
    }

    @Test
    void aPoisonCandidateGoesToTheDeadLetterTopicAndTheStageGoesOn() {
        startStage();

        kafka.sendRaw(candidates, StoryTopology.CANDIDATE_KEY, "{\"itemId\": ");
        submit(fourOutlets().get(0));

        assertThat(readEvents(records -> !records.isEmpty())).hasSize(1);
        List<ConsumerRecord<String, String>> dead = kafka.readAtLeast(deadLetters, 1, WAIT);
        assertThat(dead.get(0).value()).isEqualTo("{\"itemId\": ");
        assertThat(dead.get(0).headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotNull();
    }

    private KafkaStreams startStage() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(System.getProperty("java.io.tmpdir"),
                "story-stage-" + UUID.randomUUID()).toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        KafkaStreams streams = new KafkaStreams(new StoryTopology(rules(), new SimpleMeterRegistry())
                .build(candidates, events, deadLetters), properties);
        streams.start();
        running.add(streams);
        await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private void submit(NewsItem item) {
        kafka.sendRaw(candidates, StoryTopology.CANDIDATE_KEY, StoryJson.MAPPER.writeValueAsString(candidate(item)));
    }

    private List<SupplyEventDetected> readEvents(java.util.function.Predicate<List<SupplyEventDetected>> done) {
        kafka.readUntil(events, records -> done.test(parse(records)), WAIT);
        return readAll();
    }

    private List<SupplyEventDetected> readAll() {
        return parse(kafka.readUntil(events, records -> true, Duration.ofSeconds(5)));
    }

    private static List<SupplyEventDetected> parse(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> JSON.readValue(r.value(), SupplyEventDetected.class)).toList();
    }

    private static int lastCorroborations(List<SupplyEventDetected> records) {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).corroborations();
    }

    /** What scoring sees: per event id, the corroborations of each record in order. */
    private static Map<String, List<Integer>> summary(List<SupplyEventDetected> published) {
        return published.stream().collect(Collectors.groupingBy(SupplyEventDetected::eventId, LinkedHashMap::new,
                Collectors.mapping(SupplyEventDetected::corroborations, Collectors.toList())));
    }

    private static LinkRules rules() {
        return LinkRules.standard(Duration.ofDays(3), LinkRules.DEFAULT_MAX_STORIES);
    }

    private static StoryCandidate candidate(NewsItem item) {
        Extraction extraction = EXTRACTOR.extract(item, DETECTED);
        assertThat(extraction.relevant()).as("relevant: " + item.title()).isTrue();
        return StoryCandidate.of(item, extraction.event());
    }

    static List<NewsItem> fourOutlets() {
        return List.of(
                item("wire", "https://wire.example.com/heavy-ree", 0,
                        "China puts export controls on more rare earth technologies and five elements",
                        "China's commerce ministry said in Announcement No. 62 that exports of holmium, erbium, thulium, europium and ytterbium will need a licence from 8 November. The ministry also widened controls on rare earth mining and magnet technology, saying the step protects national security. Analysts said the move tightens the grip Beijing holds over about 90% of refined output."),
                item("daily", "https://daily.example.org/markets/ree-licences", 5,
                        "Beijing widens rare earth curbs to holmium, erbium and three more metals",
                        "Beijing added five rare earths - holmium, erbium, thulium, europium and ytterbium - to its export licensing list, the commerce ministry announced on Thursday (No. 62). Licences will be required from 8 November, and the rules also cover technology used to mine and refine the metals. China controls roughly 90% of refining."),
                item("journal", "https://journal.example.net/asia/china-rare-earth-controls", 20,
                        "China expands rare earth export restrictions ahead of trade talks",
                        "The Ministry of Commerce expanded its export control regime to holmium, erbium, thulium, europium and ytterbium, requiring licences from November 8 under announcement No. 62. Industry groups said the licensing of mining and separation technology would slow projects abroad."),
                item("letter", "https://letter.example.io/ree-controls-no-62", 30,
                        "MOFCOM No. 62: licences for holmium, erbium, thulium, europium, ytterbium",
                        "Exporters of holmium, erbium, thulium, europium and ytterbium must hold a licence from 8 November under MOFCOM announcement No. 62, which also restricts rare earth mining and refining technology."));
    }

    static List<NewsItem> templatedBans() {
        String[] metals = {"gallium", "germanium", "antimony", "graphite", "tungsten", "indium", "bismuth",
                "tellurium", "molybdenum", "dysprosium", "terbium", "samarium"};
        List<NewsItem> items = new ArrayList<>();
        for (int i = 0; i < metals.length; i++) {
            items.add(item("ban-" + metals[i], "https://notices.example.gov/ban-" + metals[i], i,
                    "China bans exports of " + metals[i] + " to the United States",
                    "China's commerce ministry said exports of " + metals[i] + " and " + metals[i]
                            + " products to the United States are banned with immediate effect, citing national security and dual-use concerns."));
        }
        return items;
    }

    private static NewsItem item(String id, String url, int hoursAfter, String title, String text) {
        return new NewsItem(id, "push", title, text, url, DAY.plus(Duration.ofHours(hoursAfter)), null);
    }
}
