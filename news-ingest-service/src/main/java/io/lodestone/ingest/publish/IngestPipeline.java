package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.dedupe.Decision;
import io.lodestone.ingest.dedupe.Deduplicator;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * The one path every item takes: extract → irrelevant items counted and dropped → duplicates
 * dropped, corroborations republished → new events published, synchronously. Each item ends in
 * one log line saying what happened to it, and in the {@code lodestone.ingest.items} counter.
 */
@Service
public class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final Extractor extractor;
    private final Deduplicator deduplicator;
    private final SupplyEventPublisher publisher;
    private final MeterRegistry meters;
    private final Timer extractionTimer;
    private final Clock clock;

    @Autowired
    IngestPipeline(IngestProperties properties, SupplyEventPublisher publisher, MeterRegistry meters) {
        this(new Extractor(), new Deduplicator(properties.dedupeWindow()), publisher, meters, Clock.systemUTC());
    }

    IngestPipeline(Extractor extractor, Deduplicator deduplicator, SupplyEventPublisher publisher,
                   MeterRegistry meters, Clock clock) {
        this.extractor = extractor;
        this.deduplicator = deduplicator;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.extractionTimer = Timer.builder("lodestone.ingest.extraction")
                .description("Time to extract one item").register(meters);
    }

    /**
     * Runs the item through the pipeline and publishes what it yields.
     *
     * @throws PublishFailedException if the broker did not acknowledge; the item then counts as not accepted
     */
    public ItemOutcome process(NewsItem item) {
        Extraction extraction = extract(item);
        SupplyEventDetected event = extraction.event();
        if (!extraction.relevant()) {
            return done(item, new ItemOutcome(item.id(), ItemOutcome.Status.NOT_RELEVANT, event, null));
        }
        Decision decision = deduplicator.observe(item, event);
        ItemOutcome outcome = switch (decision.outcome()) {
            case NEW -> new ItemOutcome(item.id(), ItemOutcome.Status.PUBLISHED, decision.toPublish(), null);
            case NEAR_DUPLICATE -> new ItemOutcome(item.id(), ItemOutcome.Status.CORROBORATED,
                    decision.toPublish(), decision.duplicateOfItemId());
            case EXACT_DUPLICATE -> new ItemOutcome(item.id(), ItemOutcome.Status.DUPLICATE, event,
                    decision.duplicateOfItemId());
        };
        if (outcome.status() != ItemOutcome.Status.DUPLICATE) {
            try {
                publisher.publish(outcome.event());
            } catch (RuntimeException e) {
                meters.counter("lodestone.ingest.items", "source", item.sourceId(), "outcome", "publish_failed",
                        "type", event.eventType().name()).increment();
                log.warn("item {} from {}: publish failed: {}", item.id(), item.sourceId(),
                        NestedExceptionUtils.getMostSpecificCause(e).toString());
                throw e instanceof PublishFailedException failed ? failed
                        : new PublishFailedException("could not publish event " + outcome.event().eventId(), e);
            }
        }
        return done(item, outcome);
    }

    /** Extraction alone: no dedupe state touched, nothing published. */
    public ItemOutcome dryRun(NewsItem item) {
        Extraction extraction = extract(item);
        return new ItemOutcome(item.id(), extraction.relevant() ? ItemOutcome.Status.EXTRACTED
                : ItemOutcome.Status.NOT_RELEVANT, extraction.event(), null);
    }

    private Extraction extract(NewsItem item) {
        return extractionTimer.record(() -> extractor.extract(item, clock.instant()));
    }

    private ItemOutcome done(NewsItem item, ItemOutcome outcome) {
        SupplyEventDetected event = outcome.event();
        meters.counter("lodestone.ingest.items", "source", item.sourceId(),
                "outcome", outcome.status().name().toLowerCase(), "type", event.eventType().name()).increment();
        log.info("item {} from {}: {} {} elements={} groups={} severity={} event={}{}", item.id(), item.sourceId(),
                outcome.status(), event.eventType(), event.elements(), event.groups(), event.severity(),
                event.eventId(), outcome.duplicateOf() == null ? "" : " duplicateOf=" + outcome.duplicateOf());
        return outcome;
    }
}
