package io.lodestone.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.subscription.Digest;
import io.lodestone.alert.subscription.SubscriptionSpec;
import io.lodestone.alert.subscription.Trigger;
import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a notification opened at a given instant is due. */
class GroupTimingTest {

    @ParameterizedTest(name = "opened {0}, digest {1} {2} -> due {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # opened at              digest  zone            due at
            2025-04-04T09:00:00Z,    -,      -,              2025-04-04T09:00:30Z
            2025-04-04T05:00:00Z,    08:00,  Europe/Berlin,  2025-04-04T06:00:00Z
            2025-04-04T06:00:00Z,    08:00,  Europe/Berlin,  2025-04-05T06:00:00Z
            2025-04-04T07:00:00Z,    08:00,  Europe/Berlin,  2025-04-05T06:00:00Z
            2025-03-29T12:00:00Z,    08:00,  Europe/Berlin,  2025-03-30T06:00:00Z
            2025-03-29T12:00:00Z,    02:30,  Europe/Berlin,  2025-03-30T01:30:00Z
            2025-04-04T20:00:00Z,    08:00,  Asia/Shanghai,  2025-04-05T00:00:00Z
            """)
    void dueAtGroupWaitOrNextDigestTime(Instant opened, LocalTime at, String zone, Instant due) {
        Digest digest = at == null ? null : new Digest(at, ZoneId.of(zone));

        assertThat(GroupTiming.dueAt(spec(digest), opened)).isEqualTo(due);
    }

    private static SubscriptionSpec spec(Digest digest) {
        return new SubscriptionSpec("buyers", List.of("Dy"), List.of(), new Trigger(RiskLevel.HIGH, null, null), null,
                Duration.ofSeconds(30), Duration.ofDays(7), true, digest);
    }
}
