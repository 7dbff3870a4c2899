package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.Story;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The story stage, defined once: candidates from {@value #CANDIDATES} are placed in stories kept
 * in the {@value #STORE} state store (in memory, backed by a changelog topic), and the events to
 * publish go to {@code supply.events.v1}, poison candidates to {@value #CANDIDATES_DLT}. The
 * binder runs it in the service ({@link #apply}); tests can run the same thing with {@link #build}.
 */
public final class StoryTopology {

    /** Internal topic of extracted candidates; one partition is used (every record has the same key). */
    public static final String CANDIDATES = "news-ingest-service.story-candidates";
    public static final String CANDIDATES_DLT = CANDIDATES + ".dlt";
    public static final String STORE = "stories";
    static final String CANDIDATE_KEY = "stories";
    static final String SOURCE = "/lodestone/news-ingest-service";

    private final LinkRules rules;
    private final MeterRegistry meters;

    public StoryTopology(LinkRules rules, MeterRegistry meters) {
        this.rules = rules;
        this.meters = meters;
    }

    /**
     * In memory with a changelog: the whole store is also the linker's working set, so a disk
     * store would only add a copy; on start the store is restored from the changelog (or from a
     * standby's copy), which takes seconds for the stories of a window.
     */
    public StoreBuilder<KeyValueStore<String, Story>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                        StoryJson.serde(Story.class))
                .withLoggingEnabled(Map.of())
                // Many changes to one story within a commit interval become one changelog write.
                .withCachingEnabled();
    }

    /** The function body: candidates in; events to publish (index 0) and poison (index 1) out. */
    @SuppressWarnings("unchecked")
    public KStream<String, ?>[] apply(KStream<String, byte[]> candidates) {
        Map<String, KStream<String, Placed>> branches = candidates
                .process(() -> new StoryProcessor(rules, SOURCE, meters), Named.as("place-in-story"), STORE)
                .split(Named.as("story-"))
                .branch((key, placed) -> placed.isPoison(), Branched.as("poison"))
                .defaultBranch(Branched.as("event"));
        KStream<String, SupplyEventDetected> events = branches.get("story-event")
                .mapValues(Placed::event, Named.as("event-to-publish"));
        KStream<String, byte[]> poison = branches.get("story-poison")
                .mapValues(Placed::poison, Named.as("poison-bytes"));
        return new KStream[] {events, poison};
    }

    /** The whole topology with its own source and sinks, for running outside the binder. */
    public Topology build() {
        return build(CANDIDATES, Topics.SUPPLY_EVENTS.name(), CANDIDATES_DLT);
    }

    /** The same, between topics of the caller's choosing (tests sharing one broker). */
    @SuppressWarnings("unchecked")
    public Topology build(String candidatesTopic, String eventsTopic, String deadLetterTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(storeBuilder());
        KStream<String, ?>[] outputs = apply(builder.stream(candidatesTopic,
                Consumed.with(Serdes.String(), Serdes.ByteArray())));
        ((KStream<String, SupplyEventDetected>) outputs[0])
                .to(eventsTopic, Produced.with(Serdes.String(), new SupplyEventSerde()));
        ((KStream<String, byte[]>) outputs[1]).to(deadLetterTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
