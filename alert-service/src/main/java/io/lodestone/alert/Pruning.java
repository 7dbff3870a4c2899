package io.lodestone.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting what has outlived its retention ({@code lodestone.alert.retention.*}): a batch at a time,
 * so no transaction grows large, until a batch comes back short. A failure is logged and left for
 * the next run of the schedule.
 */
public final class Pruning {

    /** The most rows one statement deletes. */
    public static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(Pruning.class);

    private Pruning() {
    }

    /**
     * Deletes {@code what} older than {@code keep}.
     *
     * @param deleteBefore deletes up to the given number of rows older than the given instant and says how many it deleted
     */
    public static void olderThan(String what, Duration keep, Clock clock, BiFunction<Instant, Integer, Integer> deleteBefore) {
        Instant cutoff = clock.instant().minus(keep);
        try {
            int deleted = 0;
            int batch;
            do {
                batch = deleteBefore.apply(cutoff, BATCH);
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                log.info("Deleted {} {} older than {}", deleted, what, keep);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning {} failed; will try again: {}", what, e.toString());
        }
    }
}
