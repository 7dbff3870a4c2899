package io.lodestone.ingest.publish;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.Stories;
import io.lodestone.ingest.dedupe.Story;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.dedupe.StoryDecision;
import io.lodestone.ingest.dedupe.StoryLinker;
import io.lodestone.service.DeadLetterRecords;
import io.lodestone.service.security.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places each candidate in a story, keeping the stories in the state store, and passes on the
 * event to publish: the story's first event when the candidate starts it, the same event id with
 * one more corroboration when another outlet tells it. The linker's index is rebuilt from the
 * store whenever Kafka Streams (re)creates the task, so it always matches the store. A record
 * that cannot be read or placed goes on, with the error headers Spring's dead-letter publisher
 * uses, to the dead-letter topic in the same transaction.
 */
final class StoryProcessor implements Processor<String, byte[], String, Placed> {

    private static final Logger log = LoggerFactory.getLogger(StoryProcessor.class);

    private final LinkRules rules;
    private final String source;
    private final MeterRegistry meters;
    private ProcessorContext<String, Placed> context;
    private StoryLinker linker;

    StoryProcessor(LinkRules rules, String source, MeterRegistry meters) {
        this.rules = rules;
        this.source = source;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Placed> context) {
        this.context = context;
        KeyValueStore<String, Story> store = context.getStateStore(StoryTopology.STORE);
        long started = System.nanoTime();
        this.linker = new StoryLinker(rules, storeBacked(store));
        log.info("story stage ready with {} stories in {} ms", linker.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        StoryCandidate candidate;
        StoryDecision decision;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("record has no value");
            }
            candidate = StoryJson.MAPPER.readValue(record.value(), StoryCandidate.class);
            if (candidate == null) {
                throw new IllegalArgumentException("record value is JSON null");
            }
            decision = linker.link(candidate);
        } catch (RuntimeException e) {
            RecordMetadata origin = context.recordMetadata().orElse(null);
            log.warn("Poison story candidate {} sent to the dead-letter topic: {}",
                    origin == null ? "" : origin.topic() + "-" + origin.partition() + "@" + origin.offset(), LogSafe.escape(e));
            meters.counter("lodestone.ingest.stories", "outcome", "dead_lettered").increment();
            context.forward(record.withValue(new Placed(null, record.value()))
                    .withHeaders(errorHeaders(record.headers(), origin, record.timestamp(), e)));
            return;
        }
        meters.counter("lodestone.ingest.stories", "outcome", decision.outcome().name().toLowerCase()).increment();
        if (decision.outcome() == StoryDecision.Outcome.UNPLACED) {
            log.info("item {}: not relevant and retells no known story", LogSafe.escape(candidate.itemId()));
            return;
        }
        log.info("item {}: {} story={} corroborations={}{}{}", LogSafe.escape(candidate.itemId()), decision.outcome(),
                decision.storyId(), decision.event().corroborations(),
                decision.outcome() == StoryDecision.Outcome.NEW ? "" : " first=" + LogSafe.escape(decision.firstItemId()),
                decision.merged().isEmpty() ? "" : " merged=" + decision.merged());
        if (decision.publishes()) {
            SupplyEventDetected event = decision.event();
            RecordHeaders headers = new RecordHeaders();
            CloudEvents.of(UUID.randomUUID().toString(), event, source, event.publishedAt()).headerBytes()
                    .forEach(headers::add);
            context.forward(new Record<>(event.eventId(), new Placed(event, null), record.timestamp(), headers));
        }
    }

    private static Stories storeBacked(KeyValueStore<String, Story> store) {
        return new Stories() {
            @Override
            public void put(Story story) {
                store.put(story.id(), story);
            }

            @Override
            public void delete(String id) {
                store.delete(id);
            }

            @Override
            public void forEach(Consumer<Story> action) {
                try (KeyValueIterator<String, Story> all = store.all()) {
                    all.forEachRemaining(entry -> action.accept(entry.value));
                }
            }
        };
    }

    static Headers errorHeaders(Headers original, RecordMetadata origin, long timestamp, Exception error) {
        return origin == null
                ? DeadLetterRecords.headers(original, null, 0, 0, timestamp, error)
                : DeadLetterRecords.headers(original, origin.topic(), origin.partition(), origin.offset(), timestamp, error);
    }
}
