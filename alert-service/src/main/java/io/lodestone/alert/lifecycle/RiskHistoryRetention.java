package io.lodestone.alert.lifecycle;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes risk history points older than {@code lodestone.alert.retention.risk-history} (400 days),
 * in small batches ({@link Pruning}). Each element keeps its latest point however old
 * it is, so the board can still say where a quiet element stands.
 */
@Component
class RiskHistoryRetention {

    private final ElementRiskRepository risks;
    private final Duration keep;
    private final Clock clock;

    RiskHistoryRetention(ElementRiskRepository risks, AlertProperties properties, Clock clock) {
        this.risks = risks;
        this.keep = properties.retention().riskHistory();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.retention.interval:1h}", initialDelayString = "${lodestone.alert.retention.interval:1h}")
    void prune() {
        Pruning.olderThan("risk history points", keep, clock, risks::pruneHistoryBefore);
    }
}
