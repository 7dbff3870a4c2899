package io.lodestone.alert.silence;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes silences that ended more than {@code lodestone.alert.retention.silences} (90 days) ago,
 * in small batches ({@link Pruning}): an ended silence mutes nothing and is kept only to say why
 * alerts of that time were not sent, so creating and ending silences in a loop does not grow the
 * table without end.
 */
@Component
class SilenceRetention {

    private final SilenceRepository silences;
    private final Duration keep;
    private final Clock clock;

    SilenceRetention(SilenceRepository silences, AlertProperties properties, Clock clock) {
        this.silences = silences;
        this.keep = properties.retention().silences();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.retention.interval:1h}", initialDelayString = "${lodestone.alert.retention.interval:1h}")
    void prune() {
        Pruning.olderThan("ended silences", keep, clock, silences::pruneEndedBefore);
    }
}
