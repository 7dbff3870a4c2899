package io.lodestone.scoring.stream;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.Impact;
import io.lodestone.scoring.model.RiskEngine;
import io.lodestone.service.security.LogSafe;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each element's risk in the state store. An impact arriving for an element is folded in
 * and the element re-evaluated at once; every {@code decayInterval} of wall-clock time all
 * elements are re-evaluated, so levels fall without news. Either way a big enough move is
 * forwarded as an {@code ElementRiskChanged} with fresh CloudEvents headers. An impact that
 * cannot be applied, for whatever reason, is forwarded as a dead letter (its element and its
 * impact as read from the repartition topic) and the element's state stays as it was; an element
 * whose re-evaluation fails is skipped until the next round. Nothing stops the stream.
 */
final class ElementRiskProcessor implements Processor<String, Impact, String, Routed<ElementRiskChanged>> {

    private static final Logger log = LoggerFactory.getLogger(ElementRiskProcessor.class);
    private static final JsonSerde<Impact> IMPACTS = new JsonSerde<>(Impact.class);

    private final RiskEngine engine;
    private final String storeName;
    private final Duration decayInterval;
    private final String source;
    private final RiskObserver observer;
    private ProcessorContext<String, Routed<ElementRiskChanged>> context;
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

    /** A round gives up reading after this many unreadable entries (more than there are elements). */
    private static final int MAX_UNREADABLE = 1_000;

    @Override
    public void init(ProcessorContext<String, Routed<ElementRiskChanged>> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(decayInterval, PunctuationType.WALL_CLOCK_TIME, this::decay);
    }

    @Override
    public void process(Record<String, Impact> record) {
        try {
            String element = record.key();
            ElementRisk current = cache.computeIfAbsent(element, store::get);
            apply(engine.record(current == null ? engine.initial(element) : current, record.value(), now()));
        } catch (RuntimeException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(Record<String, Impact> record, RuntimeException e) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        log.warn("Impact of {} on {} sent to the dead-letter topic: {}",
                record.value() == null ? null : LogSafe.escape(record.value().eventId()),
                LogSafe.escape(record.key()), LogSafe.escape(e.getMessage()));
        cache.remove(record.key());
        DeadLetter letter = new DeadLetter(record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                IMPACTS.serializer().serialize(null, record.value()));
        context.forward(new Record<String, Routed<ElementRiskChanged>>(null, Routed.dead(letter), record.timestamp(),
                DeadLetter.headers(record.headers(), origin, record.timestamp(), e)));
        observer.deadLettered();
    }

    private void decay(long wallClockMillis) {
        Instant at = Instant.ofEpochMilli(wallClockMillis);
        List<ElementRisk> all = new ArrayList<>();
        int unreadable = 0;
        try (KeyValueIterator<String, ElementRisk> iterator = store.all()) {
            // the store's iterator steps past an entry before reading it, so one that cannot be read
            // (a state written by a newer model, then rolled back) is skipped, not the whole round,
            // and the punctuation never stops the stream thread
            while (iterator.hasNext() && unreadable < MAX_UNREADABLE) {
                try {
                    KeyValue<String, ElementRisk> entry = iterator.next();
                    all.add(entry.value);
                } catch (RuntimeException e) {
                    unreadable++;
                    log.error("A stored element risk cannot be read; it is left as it is until its element changes", e);
                }
            }
        }
        for (ElementRisk state : all) {
            try {
                apply(engine.reevaluate(state, at));
            } catch (RuntimeException e) {
                log.error("Re-evaluating {} failed; it keeps its state until the next round", state.element(), e);
                cache.remove(state.element());
            }
        }
    }

    /** Builds everything that could fail first, then writes the state and forwards the change. */
    private void apply(RiskEngine.Step step) {
        Record<String, Routed<ElementRiskChanged>> published = step.change().map(this::record).orElse(null);
        store.put(step.state().element(), step.state());
        cache.put(step.state().element(), step.state());
        if (published != null) {
            context.forward(published);
            observer.published(published.value().value());
        }
    }

    private Record<String, Routed<ElementRiskChanged>> record(ElementRiskChanged change) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.of(UUID.randomUUID().toString(), change, source, change.asOf()).headerBytes().forEach(headers::add);
        return new Record<>(change.element(), Routed.ok(change), change.asOf().toEpochMilli(), headers);
    }

    /** Wall-clock time: live it is now; in a backtest it is the simulated day. */
    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
