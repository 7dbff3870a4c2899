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

    private final IngestProperties properties;
    private final HttpFetcher fetcher;
    private final Map<IngestProperties.Kind, ItemParser> parsers;
    private final IngestPipeline pipeline;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, HttpFetcher.Validators> validators = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    SourcePoller(IngestProperties properties, List<ItemParser> parsers, IngestPipeline pipeline, MeterRegistry meters) {
        this.properties = properties;
        this.fetcher = new HttpFetcher(properties.http());
        this.parsers = parsers.stream().collect(Collectors.toMap(ItemParser::kind, Function.identity()));
        this.pipeline = pipeline;
        this.meters = meters;
        for (IngestProperties.Source source : properties.sources()) {
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
        return properties.sources().stream().map(s -> statuses.get(s.id())).toList();
    }

    /** Polls one source now, whatever its schedule, and returns its new status. */
    public SourceStatus pollNow(String sourceId) {
        IngestProperties.Source source = properties.sources().stream().filter(s -> s.id().equals(sourceId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no source " + sourceId));
        return poll(source);
    }

    SourceStatus poll(IngestProperties.Source source) {
        Instant started = clock.instant();
        try {
            HttpFetcher.Fetched fetched = fetcher.fetch(source, validators.getOrDefault(source.id(),
                    HttpFetcher.Validators.NONE));
            List<NewsItem> items = fetched.notModified() ? List.of()
                    : parsers.get(source.kind()).parse(fetched.body(), source, started);
            meters.counter("lodestone.ingest.items.fetched", "source", source.id()).increment(items.size());
            for (NewsItem item : items) {
                pipeline.process(item);
            }
            validators.put(source.id(), fetched.validators());
            int count = items.size();
            log.info("source {}: {} ({} items) in {} ms", source.id(), fetched.notModified() ? "not modified" : "fetched",
                    count, Duration.between(started, clock.instant()).toMillis());
            return statuses.compute(source.id(), (id, status) ->
                    status.succeeded(started, count, started.plus(source.pollInterval())));
        } catch (FetchException | PublishFailedException e) {
            return failed(source, started, e.getMessage());
        } catch (RuntimeException e) {
            log.error("source {}: unexpected failure", source.id(), e);
            return failed(source, started, e.toString());
        }
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
        properties.sources().stream().filter(IngestProperties.Source::enabled)
                .forEach(source -> scheduleNext(source, Duration.ZERO));
        log.info("polling {} of {} configured sources", properties.sources().stream()
                .filter(IngestProperties.Source::enabled).count(), properties.sources().size());
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
