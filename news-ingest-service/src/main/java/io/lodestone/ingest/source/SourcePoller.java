package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.ItemUnreadableException;
import io.lodestone.ingest.publish.PublishFailedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every enabled source at its interval and feeds what it finds to the pipeline. A failing
 * source is polled less and less often (the interval doubles per consecutive failure, up to
 * {@code lodestone.ingest.http.max-backoff}), and a slow one no sooner than ten times as long as
 * its last poll took after that poll began, so neither keeps the two polling threads from the
 * others. If publishing fails
 * midway, the source's validators are not advanced, so the next poll fetches the same items again
 * and deduplication drops those already published: nothing fetched is lost. Sources can be
 * switched, added and deleted while it runs ({@link RuntimeSources}): a switched-off or deleted
 * source is not polled again (a poll under way finishes), a switched-on or added one is polled at
 * once. Polling begins only once the changes operators made before this start are known, so a
 * restart never polls a source an operator switched off.
 */
@Component
public class SourcePoller implements SmartLifecycle {

    /** The most items one poll of a feed or an API reads. */
    static final int MAX_ITEMS_PER_POLL = 500;
    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

    /** How long html-list sources wait at start for the memory of notices already read. */
    static final Duration RESTORE_WAIT = Duration.ofMinutes(2);
    private static final Duration RESTORE_RETRY = Duration.ofSeconds(5);
    /** How often the start checks whether operators' source changes have been read. */
    private static final Duration CHANGES_RETRY = Duration.ofMillis(500);

    private final IngestProperties properties;
    private final RuntimeSources sources;
    private final HttpFetcher fetcher;
    private final HtmlListReader htmlLists;
    private final SeenNotices seenNotices;
    private final Instant createdAt;
    private final Map<IngestProperties.Kind, ItemParser> parsers;
    private final IngestPipeline pipeline;
    private final MeterRegistry meters;
    /** A source's polls take at most this share (one in so many) of a polling thread's time. */
    static final int POLL_SHARE = 10;
    /** The longest a slow poll pushes its source's next poll back. */
    static final Duration MAX_FAIR_SHARE_WAIT = Duration.ofMinutes(15);

    private final Clock clock = Clock.systemUTC();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, HttpFetcher.Validators> validators = new ConcurrentHashMap<>();
    /**
     * Per source polled, the number of its current chain of scheduled polls (numbers are never
     * reused, so a deleted source's entry can go); a task of any other chain stops.
     */
    private final Map<String, Long> chains = new HashMap<>();
    private long lastChain;
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
    /** The sources being polled, as this poller last learnt of changes. */
    private final Set<String> active = new HashSet<>();
    private ScheduledExecutorService scheduler;
    /** True once operators' earlier changes are known and polling has begun. */
    private boolean polling;

    SourcePoller(IngestProperties properties, RuntimeSources sources, List<ItemParser> parsers,
                 IngestPipeline pipeline, SeenNotices seenNotices, MeterRegistry meters) {
        this.properties = properties;
        this.sources = sources;
        this.fetcher = new HttpFetcher(properties.http(), sources::isConfigured);
        this.seenNotices = seenNotices;
        this.htmlLists = new HtmlListReader(fetcher, new RobotsPolicy(fetcher, properties.http(), clock), seenNotices);
        this.createdAt = clock.instant();
        this.parsers = parsers.stream().collect(Collectors.toMap(ItemParser::kind, Function.identity()));
        this.pipeline = pipeline;
        this.meters = meters;
        sources.all().forEach(this::track);
        sources.onChange(this::changed);
    }

    private SourceStatus track(IngestProperties.Source source) {
        return statuses.computeIfAbsent(source.id(), id -> {
            Gauge.builder("lodestone.ingest.source.up", statuses, s -> up(id) ? 1 : 0)
                    .description("1 while the source's last poll succeeded, or it is switched off (nothing to fix)")
                    .tag("source", id).register(meters);
            Gauge.builder("lodestone.ingest.source.last.success", statuses,
                            s -> s.containsKey(id) ? lastSuccessEpoch(s.get(id)) : 0)
                    .description("Epoch seconds of the source's last successful poll (0 = never)")
                    .baseUnit("seconds").tag("source", id).register(meters);
            return SourceStatus.initial(source);
        });
    }

    /** A switched-off source is not failing: its last error is history, and no alert should stay on for it. */
    private boolean up(String sourceId) {
        SourceStatus status = statuses.get(sourceId);
        return status != null && (status.healthy() || sources.byId(sourceId).map(source -> !source.enabled()).orElse(true));
    }

    /** Every source's status, configured ones first, then added ones. */
    public Collection<SourceStatus> statuses() {
        return sources.all().stream().map(source -> track(source).describing(source)).toList();
    }

    /** Polls one source now, whatever its schedule, and returns its new status. */
    public SourceStatus pollNow(String sourceId) {
        IngestProperties.Source source = sources.byId(sourceId)
                .orElseThrow(() -> new IllegalArgumentException("no source " + sourceId));
        track(source);
        return poll(source);
    }

    /** A source was switched, added or deleted: start or stop its polls. */
    private void changed(String sourceId) {
        Optional<IngestProperties.Source> source = sources.byId(sourceId);
        if (source.isEmpty()) {
            statuses.remove(sourceId);
            validators.remove(sourceId);
            // every series of a deleted source goes, or adding and deleting sources grows the
            // registry (and every scrape) without bound
            meters.getMeters().stream().filter(meter -> sourceId.equals(meter.getId().getTag("source")))
                    .toList().forEach(meters::remove);
        } else {
            track(source.get());
        }
        synchronized (this) {
            if (!polling) {
                return;
            }
            boolean wanted = source.isPresent() && source.get().enabled();
            if (wanted && active.add(sourceId)) {
                scheduleNext(sourceId, Duration.ZERO);
                log.info("source {}: switched on, polling it now", sourceId);
            } else if (!wanted && active.remove(sourceId)) {
                chains.remove(sourceId);
                ScheduledFuture<?> next = pending.remove(sourceId);
                if (next != null) {
                    next.cancel(false);
                }
                log.info("source {}: {}, no longer polled", sourceId, source.isEmpty() ? "deleted" : "switched off");
            }
        }
    }

    SourceStatus poll(IngestProperties.Source source) {
        Instant started = clock.instant();
        if (source.kind() == IngestProperties.Kind.HTML_LIST && !seenNotices.restored()
                && started.isBefore(createdAt.plus(RESTORE_WAIT))) {
            log.info("source {}: waiting for the memory of notices already read before polling", source.id());
            return update(source, status -> status.waiting(started.plus(RESTORE_RETRY)));
        }
        try {
            HttpFetcher.Validators previous = validators.getOrDefault(source.id(), HttpFetcher.Validators.NONE);
            HtmlListReader.Harvest harvest = source.kind() == IngestProperties.Kind.HTML_LIST
                    ? htmlLists.read(source, previous, started) : feedOrApi(source, previous, started);
            List<NewsItem> items = harvest.items();
            count("lodestone.ingest.items.fetched", source, items.size());
            List<String> problems = new ArrayList<>(harvest.problems());
            for (NewsItem item : items) {
                try {
                    pipeline.process(item);
                } catch (ItemUnreadableException e) {
                    // one item the extractor fails on must not stop the rest of the feed at every poll
                    problems.add(e.getMessage());
                    continue;
                }
                if (source.kind() == IngestProperties.Kind.HTML_LIST) {
                    seenNotices.remember(source.id(), item.url());
                }
            }
            validators.put(source.id(), harvest.validators());
            int count = items.size();
            harvest.problems().forEach(problem -> log.warn("source {}: {}", source.id(), problem));
            log.info("source {}: {} ({} items) in {} ms", source.id(), harvest.notModified() ? "not modified" : "fetched",
                    count, Duration.between(started, clock.instant()).toMillis());
            Duration next = fairShare(source, source.pollInterval(), started);
            return update(source, status -> status.succeeded(started, count, started.plus(next), problems));
        } catch (FetchException | PublishFailedException e) {
            return failed(source, started, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a document nested deeper than a parser's recursion is this source's failure, not the
            // end of its polls
            log.error("source {}: unexpected failure", source.id(), e);
            return failed(source, started, e.toString());
        }
    }

    /**
     * Records a poll's outcome in the source's status; a source deleted while it was being polled
     * keeps no status (the outcome is returned, not kept).
     */
    private SourceStatus update(IngestProperties.Source source, UnaryOperator<SourceStatus> change) {
        SourceStatus updated = statuses.computeIfPresent(source.id(), (id, status) -> change.apply(status));
        return updated != null ? updated : change.apply(SourceStatus.initial(source));
    }

    /**
     * A feed's or an API's items, the first {@value #MAX_ITEMS_PER_POLL} of them: a body of tiny
     * entries within the size cap held a hundred thousand, each a log line and a broker send on one
     * of the polling threads. Real feeds list tens; what is left out is said in the source's status.
     */
    private HtmlListReader.Harvest feedOrApi(IngestProperties.Source source, HttpFetcher.Validators previous,
                                             Instant now) throws FetchException {
        HttpFetcher.Fetched fetched = fetcher.fetch(source, previous);
        List<NewsItem> items = fetched.notModified() ? List.of()
                : parsers.get(source.kind()).parse(fetched.body(), source, now);
        if (items.size() <= MAX_ITEMS_PER_POLL) {
            return new HtmlListReader.Harvest(items, fetched.validators(), fetched.notModified(), List.of());
        }
        return new HtmlListReader.Harvest(List.copyOf(items.subList(0, MAX_ITEMS_PER_POLL)), fetched.validators(),
                false, List.of((items.size() - MAX_ITEMS_PER_POLL) + " items after the first " + MAX_ITEMS_PER_POLL
                        + " were left out (at most " + MAX_ITEMS_PER_POLL + " are read per poll)"));
    }

    private SourceStatus failed(IngestProperties.Source source, Instant started, String message) {
        count("lodestone.ingest.source.failures", source, 1);
        SourceStatus status = update(source, previous -> previous.failed(started, message,
                started.plus(fairShare(source, backoff(source, previous.consecutiveFailures() + 1), started))));
        log.warn("source {}: poll failed ({} in a row), next try at {}: {}", source.id(),
                status.consecutiveFailures(), status.nextPoll(), message);
        return status;
    }

    /**
     * The wait before a source's next poll, counted from the start of the one that just ended: its
     * interval (or back-off), but never less than {@value #POLL_SHARE} times as long as that poll
     * took. Two threads poll every source; a source that answers slowly but within its timeout
     * (a valid feed trickled over 15 s) and asks to be polled every second had kept both busy, and
     * a healthy feed polled every 5 s was fetched 4 times in 90 s instead of 18. So a source gets
     * at most a {@value #POLL_SHARE}th of a polling thread, and the others their turns, for a wait of
     * at most {@link #MAX_FAIR_SHARE_WAIT}.
     */
    Duration fairShare(IngestProperties.Source source, Duration wait, Instant started) {
        Duration took = Duration.between(started, clock.instant());
        // at most MAX_FAIR_SHARE_WAIT: an HTML list that spends its whole budget waiting on a host's
        // crawl delay still comes back within a quarter of an hour to read what it left
        Duration floor = min(took.multipliedBy(POLL_SHARE), MAX_FAIR_SHARE_WAIT);
        if (floor.compareTo(wait) <= 0) {
            return wait;
        }
        log.info("source {}: the poll took {} ms, so the next is {} s after it began rather than {} s (a source"
                        + " may take a {}th of a polling thread)", source.id(), took.toMillis(), floor.toSeconds(),
                wait.toSeconds(), POLL_SHARE);
        return floor;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The wait before the next poll after {@code failures} consecutive failures. */
    Duration backoff(IngestProperties.Source source, int failures) {
        Duration wait = source.pollInterval();
        for (int i = 0; i < failures && wait.compareTo(properties.http().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.http().maxBackoff()) > 0 ? properties.http().maxBackoff() : wait;
    }

    /**
     * Counts for a source still known: a poll that ends after its source was deleted must not
     * register the deleted source's series again.
     */
    private void count(String name, IngestProperties.Source source, double amount) {
        if (statuses.containsKey(source.id())) {
            meters.counter(name, "source", source.id()).increment(amount);
        }
    }

    /** Starts a new chain of polls of a source (the caller holds the lock). */
    private void scheduleNext(String sourceId, Duration delay) {
        long chain = ++lastChain;
        chains.put(sourceId, chain);
        schedule(sourceId, chain, delay);
    }

    private synchronized void schedule(String sourceId, long chain, Duration delay) {
        if (scheduler == null || chains.getOrDefault(sourceId, 0L) != chain) {
            return;
        }
        pending.put(sourceId, scheduler.schedule(() -> {
            Optional<IngestProperties.Source> source = sources.byId(sourceId);
            if (!current(sourceId, chain) || source.isEmpty() || !source.get().enabled()) {
                return;
            }
            SourceStatus status = null;
            try {
                status = poll(source.get());
            } finally {
                // whatever a poll threw, the source is polled again
                Duration wait = status == null || status.nextPoll() == null ? properties.http().maxBackoff()
                        : Duration.between(clock.instant(), status.nextPoll());
                schedule(sourceId, chain, wait.isNegative() ? Duration.ZERO : wait);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private synchronized boolean current(String sourceId, long chain) {
        return scheduler != null && chains.getOrDefault(sourceId, 0L) == chain;
    }

    /** Begins polling once operators' earlier changes are known; until then, checks again shortly. */
    private synchronized void beginWhenChangesKnown() {
        if (scheduler == null) {
            return;
        }
        if (!sources.restored()) {
            scheduler.schedule(this::beginWhenChangesKnown, CHANGES_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        polling = true;
        List<IngestProperties.Source> all = sources.all();
        all.stream().filter(IngestProperties.Source::enabled).forEach(source -> {
            active.add(source.id());
            scheduleNext(source.id(), Duration.ZERO);
        });
        log.info("polling {} of {} sources", all.stream().filter(IngestProperties.Source::enabled).count(), all.size());
    }

    private static double lastSuccessEpoch(SourceStatus status) {
        return status.lastSuccess() == null ? 0 : status.lastSuccess().getEpochSecond();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.poll();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "source-poller");
            thread.setDaemon(true);
            return thread;
        });
        log.info("polling begins once the source changes made before this start are read");
        scheduler.execute(this::beginWhenChangesKnown);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            polling = false;
            pending.clear();
            active.clear();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
