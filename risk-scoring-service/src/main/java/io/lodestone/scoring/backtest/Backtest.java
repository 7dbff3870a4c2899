package io.lodestone.scoring.backtest;

import io.lodestone.events.Contributor;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import io.lodestone.events.Topics;
import io.lodestone.scoring.RiskScoringProperties;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import io.lodestone.scoring.stream.ElementRiskChangedSerde;
import io.lodestone.scoring.stream.RiskTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Replays events through the live topology with a simulated wall clock. For each step the events
 * published before its end are piped in at their event time, the clock is moved to the end of
 * the step (which fires the decay punctuation, scheduled once per step), and every element's
 * state is read from the store. No broker: Kafka Streams' own test driver runs the topology.
 */
public final class Backtest {

    /** What a backtest covers. */
    public record Window(Instant from, Instant to, Duration step) {

        public Window {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("--to must be after --from");
            }
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("--step must be positive");
            }
        }

        boolean inWholeDays() {
            return step.toSeconds() % 86_400 == 0 && from.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
        }
    }

    /** Counts of what happened, for the command's summary on standard error. */
    public record Summary(int replayed, int skipped, int deadLettered, int published, int rows) {
    }

    private final RiskEngine engine;

    public Backtest(RiskEngine engine) {
        this.engine = engine;
    }

    /** The engine of the live service with its default settings. */
    public static Backtest standard() {
        return new Backtest(RiskEngine.standard(RiskScoringProperties.DEFAULT_PUBLISH_STEP));
    }

    Summary run(EventLines.Input input, Window window, Consumer<TimelineRow> rows) {
        RiskTopology topology = new RiskTopology(engine, window.step(), RiskScoringProperties.DEFAULT_SOURCE);
        Path stateDir = temporaryStateDir();
        int published = 0;
        int deadLettered = 0;
        int written = 0;
        int replayed = 0;
        List<Element> elements = Elements.all();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                topology.build(RiskTopology.StoreKind.IN_MEMORY), properties(stateDir), window.from())) {
            TestInputTopic<String, byte[]> events = driver.createInputTopic(Topics.SUPPLY_EVENTS.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, ElementRiskChanged> changes = driver.createOutputTopic(Topics.ELEMENT_RISK.name(),
                    Serdes.String().deserializer(), new ElementRiskChangedSerde().deserializer());
            TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(Topics.SUPPLY_EVENTS.deadLetterTopic(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            KeyValueStore<String, ElementRisk> store = driver.getKeyValueStore(RiskTopology.STORE);

            int next = 0;
            List<EventLines.Line> lines = input.lines();
            for (Instant stepStart = window.from(); stepStart.isBefore(window.to()); stepStart = stepStart.plus(window.step())) {
                Instant stepEnd = stepStart.plus(window.step());
                while (next < lines.size() && lines.get(next).publishedAt().isBefore(stepEnd)) {
                    EventLines.Line line = lines.get(next++);
                    Instant timestamp = line.publishedAt().isBefore(window.from()) ? window.from() : line.publishedAt();
                    events.pipeInput(line.eventId(), line.bytes(), timestamp);
                    replayed++;
                }
                driver.advanceWallClockTime(window.step());
                published += changes.readRecordsToList().size();
                deadLettered += deadLetters.readRecordsToList().size();
                String date = window.inWholeDays()
                        ? stepStart.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                        : stepStart.toString();
                for (Element element : elements) {
                    ElementRisk state = store.get(element.symbol());
                    rows.accept(row(date, state == null ? engine.initial(element.symbol()) : state));
                    written++;
                }
            }
        } finally {
            deleteRecursively(stateDir);
        }
        return new Summary(replayed, input.skipped(), deadLettered, published, written);
    }

    private TimelineRow row(String date, ElementRisk state) {
        TimelineRow.TopContributor top = null;
        if (state.asOf() != null) {
            List<Contributor> contributors = engine.topContributors(state.element(), state.impacts(), state.asOf());
            if (!contributors.isEmpty()) {
                Contributor first = contributors.get(0);
                top = new TimelineRow.TopContributor(first.eventId(), first.title(), first.contribution());
            }
        }
        return new TimelineRow(date, state.element(), RiskEngine.round(state.score()), state.level(), top);
    }

    private static Properties properties(Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "risk-scoring-backtest");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return properties;
    }

    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("risk-backtest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder does not change the result.
        }
    }
}
