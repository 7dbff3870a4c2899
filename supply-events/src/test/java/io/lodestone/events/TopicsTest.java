package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    @Test
    void catalogueBindsEachTopicToItsPayload() {
        assertThat(Topics.all()).extracting(Topic::name, Topic::valueType, Topic::compacted).containsExactly(
                tuple("supply.events.v1", SupplyEventDetected.class, false),
                tuple("element.risk.v1", ElementRiskChanged.class, true),
                tuple("alerts.v1", AlertEvent.class, false));
    }

    @Test
    void deadLetterTopicIsTheSourceTopicWithDltSuffix() {
        assertThat(Topics.SUPPLY_EVENTS.deadLetterTopic()).isEqualTo("supply.events.v1.dlt");
        assertThat(Topic.deadLetterTopicOf("element.risk.v1")).isEqualTo("element.risk.v1.dlt");
    }

    @ParameterizedTest
    @CsvSource({"0, LOW", "19.99, LOW", "20, GUARDED", "40, ELEVATED", "59.9, ELEVATED", "60, HIGH", "80, SEVERE", "100, SEVERE"})
    void levelBandsAreTwentyPointsWide(double score, RiskLevel expected) {
        assertThat(RiskLevel.of(score)).isEqualTo(expected);
    }
}
