package io.lodestone.scoring.stream;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.Impact;
import io.lodestone.scoring.model.RiskEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each element's risk in the state store. An impact arriving for an element is folded in
 * and the element re-evaluated at once; every {@code decayInterval} of wall-clock time all
 * elements are re-evaluated, so levels fall without news. Either way a big enough move is
 * forwarded as an {@code ElementRiskChanged} with fresh CloudEvents headers.
 */
final class ElementRiskProcessor implements Processor<String, Impact, String, ElementRiskChanged> {

    private final RiskEngine engine;
    private final String storeName;
    private final Duration decayInterval;
    private final String source;
    private final RiskObserver observer;
    private ProcessorContext<String, ElementRiskChanged> context;
    private KeyValueStore<String, ElementRisk> store;
    /**
     * Deserialised copies of what this processor wrote, so an update costs one serialisation, not
     * two. Only this processor writes the store, and a new processor (empty cache) is made whenever
     * Kafka Streams re-creates the task, after a rebalance or an aborted transaction.
     */
    private final Map<String, ElementRisk> cache = new HashMap<>();

    ElementRiskProcessor(RiskEngine engine, String storeName, Duration decayInterval, String source,
                         RiskObserver observer) {
        this.engine = engine;
        this.storeName = storeName;
        this.decayInterval = decayInterval;
        this.source = source;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, ElementRiskChanged> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(decayInterval, PunctuationType.WALL_CLOCK_TIME, this::decay);
    }

    @Override
    public void process(Record<String, Impact> record) {
        String element = record.key();
        ElementRisk current = cache.computeIfAbsent(element, store::get);
        RiskEngine.Step step = engine.record(current == null ? engine.initial(element) : current, record.value(), now());
        apply(step);
    }

    private void decay(long wallClockMillis) {
        Instant at = Instant.ofEpochMilli(wallClockMillis);
        List<ElementRisk> all = new ArrayList<>();
        try (KeyValueIterator<String, ElementRisk> iterator = store.all()) {
            while (iterator.hasNext()) {
                KeyValue<String, ElementRisk> entry = iterator.next();
                all.add(entry.value);
            }
        }
        for (ElementRisk state : all) {
            apply(engine.reevaluate(state, at));
        }
    }

    private void apply(RiskEngine.Step step) {
        store.put(step.state().element(), step.state());
        cache.put(step.state().element(), step.state());
        step.change().ifPresent(this::publish);
    }

    private void publish(ElementRiskChanged change) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.of(UUID.randomUUID().toString(), change, source, change.asOf()).headerBytes().forEach(headers::add);
        context.forward(new Record<>(change.element(), change, change.asOf().toEpochMilli(), headers));
        observer.published(change);
    }

    /** Wall-clock time: live it is now; in a backtest it is the simulated day. */
    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
