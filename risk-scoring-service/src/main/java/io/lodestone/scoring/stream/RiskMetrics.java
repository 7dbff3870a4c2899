package io.lodestone.scoring.stream;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.scoring.model.RiskEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the live topology publishes, as metrics: the current score and level of every element
 * ({@code lodestone.risk.score}, {@code lodestone.risk.level} as 0 = LOW … 4 = SEVERE; the element
 * tag has at most a few dozen values), changes published by level, and poison records sent to
 * the dead-letter topic. The backtest runs the same topology without these.
 */
@Component
class RiskMetrics implements RiskObserver {

    private final MeterRegistry meters;
    private final Map<String, ElementRiskChanged> latest = new ConcurrentHashMap<>();
    private final Counter deadLetters;

    RiskMetrics(MeterRegistry meters, RiskEngine engine) {
        this.meters = meters;
        // The usual "info" metric: constant 1, the version in a tag, so a dashboard or a rule can
        // see which model each instance runs (and two instances running different ones).
        Gauge.builder("lodestone.scoring.model.info", () -> 1)
                .description("The risk model version this instance scores with, as the version tag")
                .tag("version", engine.modelVersion()).register(meters);
        this.deadLetters = Counter.builder("lodestone.scoring.dead.letters")
                .description("Supply events that could not be read, sent to supply.events.v1.dlt")
                .register(meters);
    }

    @Override
    public void published(ElementRiskChanged change) {
        String element = change.element();
        if (latest.put(element, change) == null) {
            Gauge.builder("lodestone.risk.score", latest, m -> m.get(element).score())
                    .description("Current risk score of the element, 0-100").tag("element", element).register(meters);
            Gauge.builder("lodestone.risk.level", latest, m -> m.get(element).level().ordinal())
                    .description("Current risk level of the element: 0 LOW, 1 GUARDED, 2 ELEVATED, 3 HIGH, 4 SEVERE")
                    .tag("element", element).register(meters);
        }
        meters.counter("lodestone.risk.changes", "level", change.level().name()).increment();
    }

    @Override
    public void deadLettered() {
        deadLetters.increment();
    }
}
