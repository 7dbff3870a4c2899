package io.lodestone.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deleting what has outlived its retention ({@code lodestone.alert.retention.*}). Each kind of
 * record that expires is declared as a {@link Job} bean next to the code that owns it; this runs
 * them all on one schedule ({@code lodestone.alert.retention.interval}, an hour), each a batch at a
 * time, so no transaction grows large, until a batch comes back short. A failure is logged and
 * left for the next run; it does not stop the other jobs.
 */
@Component
public class Pruning {

    /** The most rows one statement deletes. */
    public static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(Pruning.class);

    /**
     * One kind of record that expires.
     *
     * @param what         what the records are, for the log ("sent deliveries")
     * @param keep         how long they are kept
     * @param deleteBefore deletes up to the given number of them older than the given instant
     */
    public record Job(String what, Duration keep, BatchDelete deleteBefore) {
    }

    /** Deletes up to {@code limit} records older than {@code cutoff} and says how many it deleted. */
    @FunctionalInterface
    public interface BatchDelete {
        int deleteBefore(Instant cutoff, int limit);
    }

    private final List<Job> jobs;
    private final Clock clock;

    Pruning(List<Job> jobs, Clock clock) {
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.retention.interval:1h}", initialDelayString = "${lodestone.alert.retention.interval:1h}")
    void pruneAll() {
        jobs.forEach(job -> prune(job, clock));
    }

    /** Deletes what {@code job} covers that is older than its retention, as of {@code clock}. */
    public static void prune(Job job, Clock clock) {
        Instant cutoff = clock.instant().minus(job.keep());
        try {
            int deleted = 0;
            int batch;
            do {
                batch = job.deleteBefore().deleteBefore(cutoff, BATCH);
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                log.info("Deleted {} {} older than {}", deleted, job.what(), job.keep());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning {} failed; will try again: {}", job.what(), e.toString());
        }
    }
}
