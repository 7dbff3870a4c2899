package io.lodestone.alert.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.subscription.Trigger;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The firing rule as a table: trigger, the alert already firing (if any), the new risk, the
 * transition. The element's baseline is 20 (GUARDED): a change without a previous level is its
 * first, and rises from there.
 */
class AlertRuleTest {

    static final double HYSTERESIS = 2.0;

    @ParameterizedTest(name = "{0}: firing={1}/{2}, now {3} {4} (was {5}) -> {6}")
    @CsvSource(nullValues = "-", textBlock = """
            # trigger         firing peak/from   level     score  previous  expected
            minLevel=HIGH,    -,     -,          ELEVATED, 55,    GUARDED,  NONE
            minLevel=HIGH,    -,     -,          HIGH,     61,    ELEVATED, FIRE
            minLevel=HIGH,    HIGH,  ELEVATED,   HIGH,     75,    HIGH,     UPDATE
            minLevel=HIGH,    HIGH,  ELEVATED,   SEVERE,   85,    HIGH,     ESCALATE
            minLevel=HIGH,    SEVERE, ELEVATED,  HIGH,     78,    SEVERE,   UPDATE
            minLevel=HIGH,    HIGH,  ELEVATED,   ELEVATED, 59,    HIGH,     RESOLVE
            minScore=60,      -,     -,          HIGH,     59.9,  ELEVATED, NONE
            minScore=60,      -,     -,          HIGH,     60,    ELEVATED, FIRE
            minScore=60,      HIGH,  ELEVATED,   ELEVATED, 58.5,  HIGH,     UPDATE
            minScore=60,      HIGH,  ELEVATED,   ELEVATED, 57.9,  HIGH,     RESOLVE
            anyIncrease=true, -,     -,          ELEVATED, 45,    GUARDED,  FIRE
            anyIncrease=true, -,     -,          GUARDED,  35,    GUARDED,  NONE
            anyIncrease=true, -,     -,          GUARDED,  35,    -,        NONE
            anyIncrease=true, -,     -,          ELEVATED, 45,    -,        FIRE
            anyIncrease=true, -,     -,          GUARDED,  35,    ELEVATED, NONE
            anyIncrease=true, ELEVATED, GUARDED, HIGH,     65,    ELEVATED, ESCALATE
            anyIncrease=true, HIGH,  GUARDED,    ELEVATED, 50,    HIGH,     UPDATE
            anyIncrease=true, HIGH,  GUARDED,    GUARDED,  30,    ELEVATED, RESOLVE
            """)
    void decidesTheTransition(String trigger, RiskLevel firingPeak, RiskLevel firingFrom, RiskLevel level, double score,
                              RiskLevel previous, Transition expected) {
        Alert firing = firingPeak == null ? null : firing(firingPeak, firingFrom);

        Transition transition = AlertRule.decide(trigger(trigger), firing, risk(level, score, previous), HYSTERESIS);

        assertThat(transition).isEqualTo(expected);
    }

    private static Trigger trigger(String spec) {
        String[] kv = spec.split("=");
        return switch (kv[0]) {
            case "minLevel" -> new Trigger(RiskLevel.valueOf(kv[1]), null, null);
            case "minScore" -> new Trigger(null, Double.parseDouble(kv[1]), null);
            default -> new Trigger(null, null, true);
        };
    }

    private static Alert firing(RiskLevel peak, RiskLevel from) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), "Dy", AlertState.FIRING, peak, 70, from, 50.0, from, peak,
                List.of(), Instant.EPOCH, null, Instant.EPOCH, false, null);
    }

    private static ElementRiskChanged risk(RiskLevel level, double score, RiskLevel previous) {
        return new ElementRiskChanged(1, "Dy", score, level, previous == null ? null : 50.0, previous, 20,
                Instant.parse("2025-04-04T00:00:00Z"), List.of());
    }
}
