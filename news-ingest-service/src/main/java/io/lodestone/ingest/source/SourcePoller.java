package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.PublishFailedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every enabled source at its interval and feeds what it finds to the pipeline. A failing
 * source is polled less and less often (the interval doubles per consecutive failure, up to
 * {@code lodestone.ingest.http.max-backoff}) and never affects the others. If publishing fails
 * midway, the source's validators are not advanced, so the next poll fetches the same items again
 * and deduplication drops those already published: nothing fetched is lost.
 */
@Component
public class SourcePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

    /** How long html-list sources wait at start for the memory of notices already read. */
    static final Duration RESTORE_WAIT = Duration.ofMinutes(2);
    private static final Duration RESTORE_RETRY = Duration.ofSeconds(5);

    private final IngestProperties properties;
    private final List<IngestProperties.Source> sources;
    private final HttpFetcher fetcher;
    private final HtmlListReader htmlLists;
    private final SeenNotices seenNotices;
    private final Instant createdAt;
    private final Map<IngestProperties.Kind, ItemParser> parsers;
    private final IngestPipeline pipeline;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, HttpFetcher.Validators> validators = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    SourcePoller(IngestProperties properties, ConfiguredSources sources, List<ItemParser> parsers,
                 IngestPipeline pipeline, SeenNotices seenNotices, MeterRegistry meters) {
        this.properties = properties;
        this.sources = sources.all();
        this.fetcher = new HttpFetcher(properties.http());
        this.seenNotices = seenNotices;
        this.htmlLists = new HtmlListReader(fetcher, new RobotsPolicy(fetcher, properties.http(), clock), seenNotices);
        this.createdAt = clock.instant();
        this.parsers = parsers.stream().collect(Collectors.toMap(ItemParser::kind, Function.identity()));
        this.pipeline = pipeline;
        this.meters = meters;
        for (IngestProperties.Source source : this.sources) {
            statuses.put(source.id(), SourceStatus.initial(source));
            Gauge.builder("lodestone.ingest.source.up", statuses,
                            s -> s.get(source.id()).healthy() ? 1 : 0)
                    .description("1 while the source's last poll succeeded").tag("source", source.id())
                    .register(meters);
            Gauge.builder("lodestone.ingest.source.last.success", statuses,
                            s -> lastSuccessEpoch(s.get(source.id())))
                    .description("Epoch seconds of the source's last successful poll (0 = never)")
                    .baseUnit("seconds").tag("source", source.id()).register(meters);
        }
    }

    /** Every configured source's status, in configuration order. */
    public Collection<SourceStatus> statuses() {
        return sources.stream().map(s -> statuses.get(s.id())).toList();
    }

    /** Polls one source now, whatever its schedule, and returns its new status. */
    public SourceStatus pollNow(String sourceId) {
        IngestProperties.Source source = sources.stream().filter(s -> s.id().equals(sourceId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no source " + sourceId));
        return poll(source);
    }

    SourceStatus poll(IngestProperties.Source source) {
        Instant started = clock.instant();
        if (source.kind() == IngestProperties.Kind.HTML_LIST && !seenNotices.restored()
                && started.isBefore(createdAt.plus(RESTORE_WAIT))) {
            log.info("source {}: waiting for the memory of notices already read before polling", source.id());
            return statuses.compute(source.id(), (id, status) -> status.waiting(started.plus(RESTORE_RETRY)));
        }
        try {
            HttpFetcher.Validators previous = validators.getOrDefault(source.id(), HttpFetcher.Validators.NONE);
            HtmlListReader.Harvest harvest = source.kind() == IngestProperties.Kind.HTML_LIST
                    ? htmlLists.read(source, previous, started) : feedOrApi(source, previous, started);
            List<NewsItem> items = harvest.items();
            meters.counter("lodestone.ingest.items.fetched", "source", source.id()).increment(items.size());
            for (NewsItem item : items) {
                pipeline.process(item);
                if (source.kind() == IngestProperties.Kind.HTML_LIST) {
                    seenNotices.remember(source.id(), item.url());
                }
            }
            validators.put(source.id(), harvest.validators());
            int count = items.size();
            harvest.problems().forEach(problem -> log.warn("source {}: {}", source.id(), problem));
            log.info("source {}: {} ({} items) in {} ms", source.id(), harvest.notModified() ? "not modified" : "fetched",
                    count, Duration.between(started, clock.instant()).toMillis());
            return statuses.compute(source.id(), (id, status) ->
                    status.succeeded(started, count, started.plus(source.pollInterval()), harvest.problems()));
        } catch (FetchException | PublishFailedException e) {
            return failed(source, started, e.getMessage());
        } catch (RuntimeException e) {
            log.error("source {}: unexpected failure", source.id(), e);
            return failed(source, started, e.toString());
        }
    }

    private HtmlListReader.Harvest feedOrApi(IngestProperties.Source source, HttpFetcher.Validators previous,
                                             Instant now) throws FetchException {
        HttpFetcher.Fetched fetched = fetcher.fetch(source, previous);
        List<NewsItem> items = fetched.notModified() ? List.of()
                : parsers.get(source.kind()).parse(fetched.body(), source, now);
        return new HtmlListReader.Harvest(items, fetched.validators(), fetched.notModified(), List.of());
    }

    private SourceStatus failed(IngestProperties.Source source, Instant started, String message) {
        meters.counter("lodestone.ingest.source.failures", "source", source.id()).increment();
        SourceStatus status = statuses.compute(source.id(), (id, previous) ->
                previous.failed(started, message, started.plus(backoff(source, previous.consecutiveFailures() + 1))));
        log.warn("source {}: poll failed ({} in a row), next try at {}: {}", source.id(),
                status.consecutiveFailures(), status.nextPoll(), message);
        return status;
    }

    /** The wait before the next poll after {@code failures} consecutive failures. */
    Duration backoff(IngestProperties.Source source, int failures) {
        Duration wait = source.pollInterval();
        for (int i = 0; i < failures && wait.compareTo(properties.http().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.http().maxBackoff()) > 0 ? properties.http().maxBackoff() : wait;
    }

    private void scheduleNext(IngestProperties.Source source, Duration delay) {
        scheduler.schedule(() -> {
            SourceStatus status = poll(source);
            if (isRunning()) {
                scheduleNext(source, Duration.between(clock.instant(), status.nextPoll()).isNegative() ? Duration.ZERO
                        : Duration.between(clock.instant(), status.nextPoll()));
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
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
        sources.stream().filter(IngestProperties.Source::enabled)
                .forEach(source -> scheduleNext(source, Duration.ZERO));
        log.info("polling {} of {} configured sources", sources.stream()
                .filter(IngestProperties.Source::enabled).count(), sources.size());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
