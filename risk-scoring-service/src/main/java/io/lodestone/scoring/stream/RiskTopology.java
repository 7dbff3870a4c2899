package io.lodestone.scoring.stream;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Topics;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.Impact;
import io.lodestone.scoring.model.RiskEngine;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring topology, defined once. The Spring Cloud Stream function hands the bound input to
 * {@link #apply}; the backtest and the tests build the same thing with {@link #build}, so all
 * three run the same processors over the same store.
 */
public final class RiskTopology {

    /** The per-element state store, queryable through interactive queries. */
    public static final String STORE = "element-risk";
    static final String REPARTITION = "impacts-by-element";

    private final RiskEngine engine;
    private final Duration decayInterval;
    private final String source;
    private final RiskObserver observer;

    public RiskTopology(RiskEngine engine, Duration decayInterval, String source) {
        this(engine, decayInterval, source, RiskObserver.NONE);
    }

    public RiskTopology(RiskEngine engine, Duration decayInterval, String source, RiskObserver observer) {
        this.engine = engine;
        this.decayInterval = decayInterval;
        this.source = source;
        this.observer = observer;
    }

    /** Where state lives: RocksDB with a changelog in the service, memory for a backtest. */
    public enum StoreKind {
        PERSISTENT,
        IN_MEMORY
    }

    public StoreBuilder<KeyValueStore<String, ElementRisk>> storeBuilder(StoreKind kind) {
        KeyValueBytesStoreSupplier supplier = kind == StoreKind.PERSISTENT
                ? Stores.persistentKeyValueStore(STORE)
                : Stores.inMemoryKeyValueStore(STORE);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), new JsonSerde<>(ElementRisk.class))
                .withLoggingEnabled(Map.of())
                // Coalesces the many updates of one element within a commit interval into one changelog write.
                .withCachingEnabled();
    }

    /**
     * The function body: raw supply events in; risk changes (index 0) and dead letters for the
     * dead-letter topic (index 1) out. Records that fail before the repartition reach it with
     * their original bytes; impacts that fail in the per-element step, as their repartition record.
     * The store must already be registered with the builder.
     */
    @SuppressWarnings("unchecked")
    public KStream<?, ?>[] apply(KStream<byte[], byte[]> events) {
        Map<String, KStream<String, Routed<Impact>>> read = events
                .process(() -> new SupplyEventReader(engine, observer), Named.as("read-supply-event"))
                .split(Named.as("supply-event-"))
                .branch((key, routed) -> routed.failed(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));

        Map<String, KStream<String, Routed<ElementRiskChanged>>> scored = read.get("supply-event-ok")
                .mapValues(Routed::value, Named.as("impact"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Impact.class)).withName(REPARTITION))
                .process(() -> new ElementRiskProcessor(engine, STORE, decayInterval, source, observer),
                        Named.as("element-risk"), STORE)
                .split(Named.as("risk-"))
                .branch((key, routed) -> routed.failed(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));

        KStream<String, ElementRiskChanged> changes = scored.get("risk-ok").mapValues(Routed::value, Named.as("change"));
        KStream<byte[], byte[]> deadLetters = deadLetters(read.get("supply-event-dead"), "supply-event")
                .merge(deadLetters(scored.get("risk-dead"), "impact"), Named.as("dead-letters"));
        return new KStream[] {changes, deadLetters};
    }

    private static KStream<byte[], byte[]> deadLetters(KStream<String, ? extends Routed<?>> failed, String name) {
        return failed.map((key, routed) -> KeyValue.pair(routed.deadLetter().key(), routed.deadLetter().value()),
                Named.as(name + "-dead-letter"));
    }

    /** The whole topology with its own source and sinks, for running outside the binder. */
    @SuppressWarnings("unchecked")
    public Topology build(StoreKind storeKind) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(storeBuilder(storeKind));
        KStream<?, ?>[] outputs = apply(builder.stream(Topics.SUPPLY_EVENTS.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())));
        ((KStream<String, ElementRiskChanged>) outputs[0])
                .to(Topics.ELEMENT_RISK.name(), Produced.with(Serdes.String(), new ElementRiskChangedSerde()));
        ((KStream<byte[], byte[]>) outputs[1])
                .to(Topics.SUPPLY_EVENTS.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    public RiskEngine engine() {
        return engine;
    }
}
