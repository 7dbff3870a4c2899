package io.lodestone.alert.lifecycle;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Risk history points expire ({@link Pruning}) when older than
 * {@code lodestone.alert.retention.risk-history} (400 days). Each element keeps its latest point
 * however old it is, so the board can still say where a quiet element stands.
 */
@Configuration(proxyBeanMethods = false)
class RiskHistoryRetention {

    @Bean
    Pruning.Job riskHistory(ElementRiskRepository risks, AlertProperties properties) {
        return new Pruning.Job("risk history points", properties.retention().riskHistory(), risks::pruneHistoryBefore);
    }
}
