package io.lodestone.scoring.api;

import io.lodestone.events.Elements;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import org.springframework.stereotype.Component;

/** Turns an element's stored state into what the API shows. */
@Component
class RiskViews {

    private final RiskEngine engine;

    RiskViews(RiskEngine engine) {
        this.engine = engine;
    }

    RiskSummary summary(String element, ElementRisk stored) {
        ElementRisk state = stored == null ? engine.initial(element) : stored;
        double delta = state.asOf() == null ? 0
                : state.score() - engine.scoreBefore(element, state.impacts(), state.asOf());
        return new RiskSummary(element, Elements.bySymbol(element).orElseThrow().name(), RiskEngine.round(state.score()),
                state.level(), RiskEngine.round(engine.baselines().scoreOf(element)), engine.trend(state),
                RiskEngine.round(delta), state.asOf());
    }

    RiskDetail detail(String element, ElementRisk stored) {
        return new RiskDetail(summary(element, stored), engine.baselines().of(element).orElseThrow(),
                stored == null || stored.asOf() == null ? java.util.List.of()
                        : engine.assess(element, stored.impacts(), stored.asOf()).contributors().stream()
                                .filter(c -> c.contribution() != 0).toList(),
                model(stored));
    }

    private RiskDetail.Model model(ElementRisk stored) {
        String running = engine.modelVersion();
        int other = stored == null ? 0
                : (int) stored.impacts().stream().filter(impact -> !running.equals(impact.model())).count();
        return new RiskDetail.Model(running, other);
    }
}
