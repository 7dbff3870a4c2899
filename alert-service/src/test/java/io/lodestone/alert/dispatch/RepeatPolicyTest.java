package io.lodestone.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertState;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatPolicyTest {

    static final Instant NOW = Instant.parse("2025-04-11T09:00:00Z");

    @ParameterizedTest(name = "{0}, last notified {1}, silenced {2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # state   last notified            silenced  due
            FIRING,   -,                       false,    FIRING
            FIRING,   -,                       true,     -
            FIRING,   2025-04-04T09:00:00Z,    false,    REPEAT
            FIRING,   2025-04-04T09:00:01Z,    false,    -
            FIRING,   2025-04-01T00:00:00Z,    true,     -
            RESOLVED, 2025-04-01T00:00:00Z,    false,    -
            """)
    void decidesWhetherAFiringAlertIsDue(AlertState state, Instant lastNotified, boolean silenced, NotificationKind due) {
        Alert alert = new Alert(UUID.randomUUID(), UUID.randomUUID(), "Dy", state, RiskLevel.HIGH, 70, null, null, null,
                RiskLevel.HIGH, List.of(), Instant.EPOCH, null, Instant.EPOCH, false, lastNotified);

        assertThat(RepeatPolicy.due(alert, Duration.ofDays(7), silenced, NOW)).isEqualTo(Optional.ofNullable(due));
    }
}
