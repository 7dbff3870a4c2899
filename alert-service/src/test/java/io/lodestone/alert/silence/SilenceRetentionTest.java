package io.lodestone.alert.silence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.Pruning;
import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Silences that ended long ago go; running and recently ended ones stay. Real PostgreSQL. */
class SilenceRetentionTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_silence_retention");
    private final SilenceRepository silences = new SilenceRepository(db.jdbc(), JsonMapper.builder().build());

    @Test
    void silencesEndedLongerAgoThanTheRetentionGo() {
        // Given silences that ended 200 and 91 days ago, 89 days ago, and one that runs for a week more
        Silence ended200 = silence(-210, -200);
        Silence ended91 = silence(-100, -91);
        Silence ended89 = silence(-95, -89);
        Silence running = silence(-1, 7);
        List.of(ended200, ended91, ended89, running).forEach(silences::insert);

        // When pruning with the default retention (90 days)
        prune(Map.of());

        // Then the two that ended more than 90 days ago are gone
        assertThat(silences.all(100)).extracting(Silence::id).containsExactlyInAnyOrder(ended89.id(), running.id());
    }

    @Test
    void aShorterRetentionIsTakenFromConfigurationAndPrunedInBatches() {
        for (int day = 1; day <= 40; day++) {
            silences.insert(silence(-day - 1, -day));
        }

        prune(Map.of("lodestone.alert.retention.silences", "30d"));
        assertThat(silences.all(100)).hasSize(30);
        // a batch of one takes the longest ended first
        assertThat(silences.pruneEndedBefore(NOW, 1)).isEqualTo(1);
        assertThat(silences.all(100)).extracting(Silence::endsAt).hasSize(29).doesNotContain(NOW.minus(Duration.ofDays(30)));
    }

    private void prune(Map<String, String> settings) {
        Pruning.prune(new SilenceRetention().endedSilences(silences, TestProperties.alert(settings)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Silence silence(int startDay, int endDay) {
        return new Silence(UUID.randomUUID(), List.of("Dy"), List.of(), null, NOW.plus(Duration.ofDays(startDay)),
                NOW.plus(Duration.ofDays(endDay)), "maintenance window", "ops", NOW.plus(Duration.ofDays(startDay)));
    }
}
