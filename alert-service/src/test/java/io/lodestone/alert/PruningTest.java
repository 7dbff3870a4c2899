package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every declared retention job runs, a batch at a time, and one failing job does not stop the others. */
class PruningTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void eachJobDeletesInBatchesUntilABatchComesBackShortFromItsOwnCutoff() {
        // Given 2,500 old rows of one kind and none of another
        int[] rows = {2500};
        List<String> calls = new ArrayList<>();
        Pruning.Job many = new Pruning.Job("old rows", Duration.ofDays(30), (cutoff, limit) -> {
            calls.add("many " + cutoff + " " + limit);
            int deleted = Math.min(rows[0], limit);
            rows[0] -= deleted;
            return deleted;
        });
        Pruning.Job none = new Pruning.Job("nothing", Duration.ofDays(1), (cutoff, limit) -> {
            calls.add("none " + cutoff);
            return 0;
        });

        // When the schedule runs
        new Pruning(List.of(many, none), Clock.fixed(NOW, ZoneOffset.UTC)).pruneAll();

        // Then the first took three batches, with its own cutoff, and the second one
        assertThat(rows[0]).isZero();
        assertThat(calls).containsExactly(
                "many 2026-05-02T00:00:00Z 1000", "many 2026-05-02T00:00:00Z 1000", "many 2026-05-02T00:00:00Z 1000",
                "none 2026-05-31T00:00:00Z");
    }

    @Test
    void aFailingJobIsLeftForTheNextRunAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        Pruning.Job broken = new Pruning.Job("broken", Duration.ofDays(1), (cutoff, limit) -> {
            ran.add("broken");
            throw new IllegalStateException("database gone");
        });
        Pruning.Job fine = new Pruning.Job("fine", Duration.ofDays(1), (cutoff, limit) -> {
            ran.add("fine");
            return 0;
        });

        new Pruning(List.of(broken, fine), Clock.fixed(NOW, ZoneOffset.UTC)).pruneAll();

        assertThat(ran).containsExactly("broken", "fine");
    }
}
