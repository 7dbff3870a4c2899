package io.lodestone.service.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams stage does when one of its stream threads dies of an exception that no
 * other handler took (a record's own failures are dead-lettered before they get here).
 *
 * <p>Kafka Streams' default is to shut the whole client down: the stage stops for good, the
 * process stays up, and nothing restarts it. Here a failed thread is replaced, which closes its
 * tasks and reopens them from their committed offsets and changelogs, so a transient fault
 * (a broker that went away mid-commit, a full disk freed since) costs a few seconds. A fault that
 * comes back is not transient: past {@code limit} replacements within {@code window} the client
 * is shut down, its state becomes ERROR and {@link StreamsFailureAutoConfiguration} reports the
 * service not live, so an orchestrator restarts the process (and, if the fault stays, shows it
 * as a crash loop instead of a pod that is silently not ready).
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);
    private static final String REPLACED = "replaced";
    private static final String SHUT_DOWN = "shut-down";

    private final Supplier<String> stage;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    /**
     * @param stage  names the stage in logs and metrics (its application id), read when a thread fails
     * @param limit  threads replaced within {@code window} before the client is shut down; 0 shuts
     *               it down at the first failure, as Kafka Streams does by default
     * @param meters where {@code lodestone.streams.thread.failures} is counted
     */
    public StreamThreadFailures(Supplier<String> stage, int limit, Duration window, Clock clock, MeterRegistry meters) {
        if (limit < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("lodestone.streams: thread-replacements must be >= 0 and replacement-window positive");
        }
        this.stage = stage;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.removeFirst();
        }
        String name = stage.get();
        if (replacements.size() < limit) {
            replacements.addLast(now);
            count(name, REPLACED);
            log.warn("A stream thread of stage {} failed; replacing it ({} of {} replacements allowed within {})",
                    name, replacements.size(), limit, window, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        count(name, SHUT_DOWN);
        log.error("A stream thread of stage {} failed again after {} replacements within {}: shutting the stage down."
                + " The service now reports itself not live (/actuator/health/liveness) so that it is restarted",
                name, replacements.size(), window, exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Shows both counts at zero from the start, so that a rate over them is defined before the first failure. */
    void registerCounters() {
        String name = stage.get();
        counter(name, REPLACED);
        counter(name, SHUT_DOWN);
    }

    private void count(String name, String outcome) {
        counter(name, outcome).increment();
    }

    private Counter counter(String name, String outcome) {
        return meters.counter("lodestone.streams.thread.failures", "stage", name, "outcome", outcome);
    }
}
