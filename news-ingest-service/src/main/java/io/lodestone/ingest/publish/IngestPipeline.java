package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.extract.Extraction;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.source.RuntimeSources;
import io.lodestone.service.security.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * The one path every item takes, whatever its source (polling, push, bulk import, the offline
 * command): extract → relevant items go to the story stage, which places them in stories and
 * publishes one event per story. Items found not relevant are counted as such; those that still
 * name an element or group go to the stage too, which counts one as a further report of a story
 * it retells closely and otherwise forgets it ({@link io.lodestone.ingest.dedupe.LinkRules#retellingThreshold()}),
 * so a long rewrite the extractor misreads still corroborates its story. Items naming no mineral
 * are dropped. Each item ends in one log line saying what happened to it, and in the
 * {@code lodestone.ingest.items} counter.
 */
@Service
public class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    /** The {@code source} tag of every item no polled source and no import brought: pushed items, whatever source they name. */
    static final String PUSHED = "push";
    /** The source of bulk-imported items. */
    static final String IMPORTED = "import";

    private final Extractor extractor;
    private final StoryStage stories;
    private final MeterRegistry meters;
    private final Timer extractionTimer;
    private final Clock clock;
    private final Predicate<String> polled;

    @Autowired
    IngestPipeline(StoryStage stories, MeterRegistry meters, RuntimeSources sources) {
        this(new Extractor(), stories, meters, Clock.systemUTC(), sources::has);
    }

    /**
     * @param polled whether a source id is one of the sources this service polls, which the item
     *               counters are tagged with; any other (a pushed item's own) counts as {@value #PUSHED}
     */
    IngestPipeline(Extractor extractor, StoryStage stories, MeterRegistry meters, Clock clock, Predicate<String> polled) {
        this.extractor = extractor;
        this.stories = stories;
        this.meters = meters;
        this.clock = clock;
        this.polled = polled;
        this.extractionTimer = Timer.builder("lodestone.ingest.extraction")
                .description("Time to extract one item").register(meters);
    }

    /** The same pipeline without Spring or a broker: the offline command. */
    public static IngestPipeline offline(Extractor extractor, StoryStage stories, Clock clock) {
        return new IngestPipeline(extractor, stories, new SimpleMeterRegistry(), clock, id -> true);
    }

    /**
     * The {@code source} an item is counted under: a polled source's id, {@value #IMPORTED}, or
     * {@value #PUSHED}. A pushed item may name any source of its own; a counter series for each
     * would let clients fill the heap and every scrape.
     */
    private String counted(NewsItem item) {
        String source = item.sourceId();
        return IMPORTED.equals(source) || polled.test(source) ? source : PUSHED;
    }

    /**
     * Runs the item through the pipeline.
     *
     * @throws PublishFailedException if the story stage did not take the item; it then counts as not accepted
     */
    public ItemOutcome process(NewsItem item) {
        Extraction extraction = extract(item);
        SupplyEventDetected event = extraction.event();
        if (!StoryCandidate.mayJoinAStory(event)) {
            return done(item, notRelevant(item, event));
        }
        try {
            return done(item, settled(item, extraction, stories.submit(StoryCandidate.of(item, event, counted(item)))));
        } catch (RuntimeException e) {
            throw notAccepted(item, event, e);
        }
    }

    private static ItemOutcome notRelevant(NewsItem item, SupplyEventDetected event) {
        return new ItemOutcome(item.id(), ItemOutcome.Status.NOT_RELEVANT, event, null);
    }

    /**
     * What the caller is told: a stage that decides at once says what it made of the item; one
     * that only took it over ({@code ACCEPTED}, the Kafka stage) says nothing yet about an item
     * the extractor found not relevant, which is reported as such (the stage may still count it
     * as a retelling of a story).
     */
    private static ItemOutcome settled(NewsItem item, Extraction extraction, ItemOutcome staged) {
        return !extraction.relevant() && staged.status() == ItemOutcome.Status.ACCEPTED
                ? notRelevant(item, extraction.event()) : staged;
    }

    /** An item made ready for the story stage: its extraction, and its candidate when it goes to the stage. */
    public record Prepared(NewsItem item, Extraction extraction, StoryCandidate candidate) {
    }

    /** Extraction and, for an item that goes to the story stage, its candidate: the work of an item, on any thread. */
    public Prepared prepare(NewsItem item) {
        Extraction extraction = extract(item);
        return new Prepared(item, extraction, StoryCandidate.mayJoinAStory(extraction.event())
                ? StoryCandidate.of(item, extraction.event(), counted(item)) : null);
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
            return CompletableFuture.completedFuture(done(item, notRelevant(item, event)));
        }
        return stories.submitAsync(prepared.candidate()).handle((outcome, failure) -> {
            if (failure != null) {
                throw notAccepted(item, event, failure instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : failure);
            }
            return done(item, settled(item, prepared.extraction(), outcome));
        });
    }

    private PublishFailedException notAccepted(NewsItem item, SupplyEventDetected event, Throwable failure) {
        meters.counter("lodestone.ingest.items", "source", counted(item), "outcome", "publish_failed",
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

    /**
     * The item's extraction (thread-safe), timed; nothing is handed over. A failure of the
     * extractor (a defect on this text, a stack overflowed by it) is this item's alone: it is
     * logged here and thrown as {@link ItemUnreadableException} for the path to report and go on.
     */
    public Extraction extract(NewsItem item) {
        try {
            return extractionTimer.record(() -> extractor.extract(item, clock.instant()));
        } catch (RuntimeException | StackOverflowError e) {
            meters.counter("lodestone.ingest.items.unreadable", "source", counted(item)).increment();
            log.error("item {} from {}: the extractor failed on it; the item is skipped", LogSafe.escape(item.id()),
                    LogSafe.escape(item.sourceId()), e);
            throw new ItemUnreadableException(LogSafe.escape(item.id()), e);
        }
    }

    private ItemOutcome done(NewsItem item, ItemOutcome outcome) {
        SupplyEventDetected event = outcome.event();
        meters.counter("lodestone.ingest.items", "source", counted(item),
                "outcome", outcome.status().name().toLowerCase(), "type", event.eventType().name()).increment();
        log.info("item {} from {}: {} {} elements={} groups={} severity={} event={}{}", LogSafe.escape(item.id()),
                LogSafe.escape(item.sourceId()),
                outcome.status(), event.eventType(), event.elements(), event.groups(), event.severity(),
                event.eventId(), outcome.duplicateOf() == null ? "" : " duplicateOf=" + LogSafe.escape(outcome.duplicateOf()));
        return outcome;
    }
}
