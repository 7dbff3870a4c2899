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
     * The function body: raw supply events in; risk changes (index 0) and poison records for
     * the dead-letter topic (index 1) out. The store must already be registered with the builder.
     */
    @SuppressWarnings("unchecked")
    public KStream<String, ?>[] apply(KStream<String, byte[]> events) {
        Map<String, KStream<String, ParsedEvent>> branches = events
                .processValues(() -> new SupplyEventParser(observer), Named.as("parse-supply-event"))
                .split(Named.as("supply-event-"))
                .branch((id, parsed) -> parsed.isPoison(), Branched.as("poison"))
                .defaultBranch(Branched.as("ok"));

        KStream<String, byte[]> poison = branches.get("supply-event-poison")
                .mapValues(ParsedEvent::raw, Named.as("poison-bytes"));

        KStream<String, ElementRiskChanged> changes = branches.get("supply-event-ok")
                .flatMap((id, parsed) -> engine.impactsOf(parsed.event()).entrySet().stream()
                        .map(entry -> KeyValue.pair(entry.getKey(), entry.getValue()))
                        .toList(), Named.as("impacts-per-element"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Impact.class)).withName(REPARTITION))
                .process(() -> new ElementRiskProcessor(engine, STORE, decayInterval, source, observer),
                        Named.as("element-risk"), STORE);

        return new KStream[] {changes, poison};
    }

    /** The whole topology with its own source and sinks, for running outside the binder. */
    @SuppressWarnings("unchecked")
    public Topology build(StoreKind storeKind) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(storeBuilder(storeKind));
        KStream<String, ?>[] outputs = apply(builder.stream(Topics.SUPPLY_EVENTS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray())));
        ((KStream<String, ElementRiskChanged>) outputs[0])
                .to(Topics.ELEMENT_RISK.name(), Produced.with(Serdes.String(), new ElementRiskChangedSerde()));
        ((KStream<String, byte[]>) outputs[1])
                .to(Topics.SUPPLY_EVENTS.deadLetterTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    public RiskEngine engine() {
        return engine;
    }
}
