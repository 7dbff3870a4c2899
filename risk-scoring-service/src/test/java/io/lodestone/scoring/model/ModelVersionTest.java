package io.lodestone.scoring.model;

import static io.lodestone.scoring.model.Events.exportControl;
import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.EventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ModelVersionTest {

    private static final Baselines BASELINES = Baselines.load();
    private static final ModelParameters DEFAULT = ModelParameters.DEFAULT;
    private static final String VERSION = ModelVersion.of(DEFAULT, BASELINES);

    @Test
    void isTwelveHexDigitsAndTheSameForEqualParametersBuiltInAnotherOrder() {
        Map<EventType, EventRule> reversedRules = new LinkedHashMap<>();
        EventType[] types = EventType.values();
        for (int i = types.length - 1; i >= 0; i--) {
            reversedRules.put(types[i], DEFAULT.rules().get(types[i]));
        }
        Map<ElementGroup, Double> reversedReach = new LinkedHashMap<>();
        ElementGroup[] groups = ElementGroup.values();
        for (int i = groups.length - 1; i >= 0; i--) {
            if (DEFAULT.groupReach().containsKey(groups[i])) {
                reversedReach.put(groups[i], DEFAULT.groupReach().get(groups[i]));
            }
        }
        ModelParameters sameNumbers = with(DEFAULT.saturation(), reversedRules, reversedReach);

        assertThat(VERSION).matches("[0-9a-f]{12}");
        assertThat(ModelVersion.of(sameNumbers, Baselines.load())).isEqualTo(VERSION);
    }

    @Test
    void anyChangedParameterGivesAnotherVersion() {
        Map<EventType, EventRule> longerControls = new LinkedHashMap<>(DEFAULT.rules());
        longerControls.put(EventType.EXPORT_RESTRICTION, EventRule.of(1.0, 365));
        Map<ElementGroup, Double> widerReach = new LinkedHashMap<>(DEFAULT.groupReach());
        widerReach.put(ElementGroup.REE, 0.31);

        assertThat(List.of(
                ModelVersion.of(with(DEFAULT.saturation(), longerControls, DEFAULT.groupReach()), BASELINES),
                ModelVersion.of(with(DEFAULT.saturation(), DEFAULT.rules(), widerReach), BASELINES),
                ModelVersion.of(with(DEFAULT.saturation() + 1, DEFAULT.rules(), DEFAULT.groupReach()), BASELINES)))
                .doesNotContain(VERSION)
                .doesNotHaveDuplicates();
    }

    @Test
    void aChangedBaselineGivesAnotherVersion() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode data = (ObjectNode) json.readTree(Baselines.class.getResourceAsStream(Baselines.DATA_FILE));
        ((ObjectNode) data.path("elements").path("Dy").path("substitution")).put("factor", 0.5);

        assertThat(ModelVersion.of(DEFAULT, Baselines.from(data))).isNotEqualTo(VERSION);
    }

    @Test
    void everyImpactAndEveryPublishedChangeNamesTheVersionThatComputedIt() {
        RiskEngine engine = RiskEngine.standard(2.0);
        Instant at = Instant.parse("2025-04-04T12:00:00Z");

        RiskEngine.Step step = engine.record(engine.initial("Dy"),
                engine.impactsOf(exportControl("no18", "2025-04-04T09:00:00Z", "Dy")).get("Dy"), at);

        assertThat(engine.modelVersion()).isEqualTo(VERSION);
        assertThat(step.state().impacts()).extracting(Impact::model).containsExactly(VERSION);
        assertThat(step.change()).map(ElementRiskChanged::modelVersion).contains(VERSION);
    }

    private static ModelParameters with(double saturation, Map<EventType, EventRule> rules,
            Map<ElementGroup, Double> reach) {
        return new ModelParameters(rules, DEFAULT.severityPoints(), saturation, reach, DEFAULT.groupPressureCap(),
                DEFAULT.easingFloor(), DEFAULT.corroborationGain(), DEFAULT.corroborationCap(), DEFAULT.hysteresis(),
                DEFAULT.negligible(), DEFAULT.maxImpacts(), DEFAULT.topContributors());
    }
}
