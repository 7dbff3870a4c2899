package io.lodestone.alert.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.Pruning;
import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Old risk history goes, but never an element's latest point. Real PostgreSQL. */
class RiskHistoryRetentionTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_risk_history_retention");
    private final ElementRiskRepository risks = new ElementRiskRepository(db.jdbc(), JsonMapper.builder().build());

    @Test
    void pointsOlderThanTheRetentionGoExceptEachElementsLatest() {
        // Given Nd changed 500, 450 and 10 days ago, and Dy last changed 500 days ago
        record(RiskLevel.GUARDED, "Nd", 500);
        record(RiskLevel.ELEVATED, "Nd", 450);
        record(RiskLevel.HIGH, "Nd", 10);
        record(RiskLevel.ELEVATED, "Dy", 500);

        // When pruning with the default retention (400 days)
        prune(Map.of());

        // Then Nd's chart starts 10 days ago, and Dy still shows where it has stood for 500 days
        assertThat(risks.history("Nd", Instant.EPOCH)).extracting(ElementRiskRepository.RiskPoint::level)
                .containsExactly(RiskLevel.HIGH);
        assertThat(risks.scoreAt("Dy", NOW)).isPresent();
        assertThat(risks.history("Dy", Instant.EPOCH)).hasSize(1);
    }

    @Test
    void aShorterRetentionIsTakenFromConfigurationAndPrunedInBatches() {
        for (int day = 40; day >= 1; day--) {
            record(RiskLevel.GUARDED, "Tb", day);
        }

        prune(Map.of("lodestone.alert.retention.risk-history", "30d"));
        // a batch of one takes the oldest first
        assertThat(risks.pruneHistoryBefore(NOW, 1)).isEqualTo(1);

        assertThat(risks.history("Tb", Instant.EPOCH)).extracting(ElementRiskRepository.RiskPoint::asOf)
                .first().isEqualTo(NOW.minus(Duration.ofDays(29)));
        assertThat(risks.history("Tb", Instant.EPOCH)).hasSize(29);
    }

    private void prune(Map<String, String> settings) {
        Pruning.prune(new RiskHistoryRetention().riskHistory(risks, TestProperties.alert(settings)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void record(RiskLevel level, String element, int daysAgo) {
        Instant asOf = NOW.minus(Duration.ofDays(daysAgo));
        boolean advanced = risks.advance(new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, element, 40.0, level,
                30.0, RiskLevel.GUARDED, 25.0, asOf, List.of()), asOf);
        assertThat(advanced).isTrue();
    }
}
