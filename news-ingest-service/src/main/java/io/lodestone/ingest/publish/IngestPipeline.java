package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.service.security.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * The one path every item takes, whatever its source (polling, push, bulk import, the offline
 * command): extract → items that are not about supply are counted and dropped → relevant items
 * go to the story stage, which places them in stories and publishes one event per story. Each
 * item ends in one log line saying what happened to it, and in the {@code lodestone.ingest.items}
 * counter.
 */
@Service
public class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final Extractor extractor;
    private final StoryStage stories;
    private final MeterRegistry meters;
    private final Timer extractionTimer;
    private final Clock clock;

    @Autowired
    IngestPipeline(StoryStage stories, MeterRegistry meters) {
        this(new Extractor(), stories, meters, Clock.systemUTC());
    }

    IngestPipeline(Extractor extractor, StoryStage stories, MeterRegistry meters, Clock clock) {
        this.extractor = extractor;
        this.stories = stories;
        this.meters = meters;
        this.clock = clock;
        this.extractionTimer = Timer.builder("lodestone.ingest.extraction")
                .description("Time to extract one item").register(meters);
    }

    /** The same pipeline without Spring or a broker: the offline command. */
    public static IngestPipeline offline(Extractor extractor, StoryStage stories, Clock clock) {
        return new IngestPipeline(extractor, stories, new SimpleMeterRegistry(), clock);
    }

    /**
     * Runs the item through the pipeline.
     *
     * @throws PublishFailedException if the story stage did not take the item; it then counts as not accepted
     */
    public ItemOutcome process(NewsItem item) {
        Extraction extraction = extract(item);
        SupplyEventDetected event = extraction.event();
        if (!extraction.relevant()) {
            return done(item, new ItemOutcome(item.id(), ItemOutcome.Status.NOT_RELEVANT, event, null));
        }
        try {
            return done(item, stories.submit(StoryCandidate.of(item, event)));
        } catch (RuntimeException e) {
            throw notAccepted(item, event, e);
        }
    }

    /** An item made ready for the story stage: its extraction, and its candidate when relevant. */
    public record Prepared(NewsItem item, Extraction extraction, StoryCandidate candidate) {
    }

    /** Extraction and, for a relevant item, its story candidate: the work of an item, on any thread. */
    public Prepared prepare(NewsItem item) {
        Extraction extraction = extract(item);
        return new Prepared(item, extraction, extraction.relevant() ? StoryCandidate.of(item, extraction.event()) : null);
    }

    /**
     * Hands an item made ready with {@link #prepare} on without waiting for the broker: for bulk
     * paths, which prepare items on many threads and call this in input order (the story stage
     * takes candidates in the order of these calls). The future completes with what
     * {@link #process} would return, or fails with {@link PublishFailedException}.
     */
    public CompletableFuture<ItemOutcome> handOver(Prepared prepared) {
        NewsItem item = prepared.item();
        SupplyEventDetected event = prepared.extraction().event();
        if (prepared.candidate() == null) {
            return CompletableFuture.completedFuture(
                    done(item, new ItemOutcome(item.id(), ItemOutcome.Status.NOT_RELEVANT, event, null)));
        }
        return stories.submitAsync(prepared.candidate()).handle((outcome, failure) -> {
            if (failure != null) {
                throw notAccepted(item, event, failure instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : failure);
            }
            return done(item, outcome);
        });
    }

    private PublishFailedException notAccepted(NewsItem item, SupplyEventDetected event, Throwable failure) {
        meters.counter("lodestone.ingest.items", "source", item.sourceId(), "outcome", "publish_failed",
                "type", event.eventType().name()).increment();
        log.warn("item {} from {}: not accepted: {}", LogSafe.escape(item.id()), LogSafe.escape(item.sourceId()),
                NestedExceptionUtils.getMostSpecificCause(failure).toString());
        return failure instanceof PublishFailedException failed ? failed
                : new PublishFailedException("could not accept item " + item.id(), failure);
    }

    /** Extraction alone: no story touched, nothing published. */
    public ItemOutcome dryRun(NewsItem item) {
        Extraction extraction = extract(item);
        return new ItemOutcome(item.id(), extraction.relevant() ? ItemOutcome.Status.EXTRACTED
                : ItemOutcome.Status.NOT_RELEVANT, extraction.event(), null);
    }

    /** The item's extraction (thread-safe), timed; nothing is handed over. */
    public Extraction extract(NewsItem item) {
        return extractionTimer.record(() -> extractor.extract(item, clock.instant()));
    }

    private ItemOutcome done(NewsItem item, ItemOutcome outcome) {
        SupplyEventDetected event = outcome.event();
        meters.counter("lodestone.ingest.items", "source", item.sourceId(),
                "outcome", outcome.status().name().toLowerCase(), "type", event.eventType().name()).increment();
        log.info("item {} from {}: {} {} elements={} groups={} severity={} event={}{}", LogSafe.escape(item.id()),
                LogSafe.escape(item.sourceId()),
                outcome.status(), event.eventType(), event.elements(), event.groups(), event.severity(),
                event.eventId(), outcome.duplicateOf() == null ? "" : " duplicateOf=" + LogSafe.escape(outcome.duplicateOf()));
        return outcome;
    }
}
