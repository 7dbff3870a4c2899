package io.lodestone.scoring.stream;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.scoring.model.Impact;
import io.lodestone.scoring.model.RiskEngine;
import io.lodestone.service.security.LogSafe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each record of {@code supply.events.v1} and passes on its impact on each element it
 * reaches, keyed by element. Whatever goes wrong with one record (bad bytes or JSON, a field
 * missing or out of range, a date the model refuses, a failure of the model itself) makes it a
 * dead letter: its original key, value and headers go on with error headers, to be written to the
 * dead-letter topic in the same transaction, so it is neither lost nor retried forever. Each
 * impact is tried on the element's baseline before anything is passed on, so what fails on the
 * event alone fails here, where the original bytes are still at hand.
 */
final class SupplyEventReader implements Processor<byte[], byte[], String, Routed<Impact>> {

    private static final Logger log = LoggerFactory.getLogger(SupplyEventReader.class);

    private final RiskEngine engine;
    private final RiskObserver observer;
    private ProcessorContext<String, Routed<Impact>> context;

    SupplyEventReader(RiskEngine engine, RiskObserver observer) {
        this.engine = engine;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, Routed<Impact>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Map<String, Impact> impacts;
        try {
            impacts = impactsOf(record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        impacts.forEach((element, impact) -> context.forward(record.withKey(element).withValue(Routed.ok(impact))));
    }

    private Map<String, Impact> impactsOf(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value");
        }
        SupplyEventDetected event = Json.MAPPER.readValue(value, SupplyEventDetected.class);
        if (event == null) {
            throw new IllegalArgumentException("record value is JSON null");
        }
        Map<String, Impact> impacts = engine.impactsOf(event, clock());
        impacts.forEach((element, impact) -> engine.record(engine.initial(element), impact, clock()));
        return impacts;
    }

    /**
     * The scoring clock: the later of wall-clock time and stream time (the newest record
     * timestamp seen), so a replay whose records carry their event times is not clamped.
     */
    private Instant clock() {
        return Instant.ofEpochMilli(Math.max(context.currentSystemTimeMs(), context.currentStreamTimeMs()));
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException e) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        log.warn("Supply event key={} {} sent to the dead-letter topic: {}",
                record.key() == null ? null : LogSafe.escape(new String(record.key(), StandardCharsets.UTF_8)),
                origin == null ? "" : origin.topic() + "-" + origin.partition() + "@" + origin.offset(),
                LogSafe.escape(e.getMessage()));
        context.forward(new Record<String, Routed<Impact>>(null,
                Routed.dead(new DeadLetter(record.key(), record.value())), record.timestamp(),
                DeadLetter.headers(record.headers(), origin, record.timestamp(), e)));
        observer.deadLettered();
    }
}
