package io.lodestone.alert;

import io.lodestone.events.Contributor;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Risk changes as the scoring service publishes them, for tests. */
final class RiskChanges {

    /** The April 2025 control (MOFCOM No. 18 of 2025), with text that must be escaped everywhere. */
    static final Contributor APRIL_CONTROL = new Contributor("evt-2025-04-04-mofcom-18",
            "MOFCOM No. 18 of 2025 <b>export controls</b> & licences",
            "https://www.mofcom.gov.cn/article/zcfb?id=18&lang=en",
            EventType.EXPORT_RESTRICTION, Instant.parse("2025-04-04T08:00:00Z"), 38.5,
            "Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences <script>alert('x')</script>");

    static final List<String> APRIL_ELEMENTS = List.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RiskChanges() {
    }

    static ElementRiskChanged rise(String element, RiskLevel level, double score, Instant asOf) {
        return new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, element, score, level, 30.0,
                RiskLevel.GUARDED, 25.0, asOf, List.of(APRIL_CONTROL));
    }

    /** Publishes a change on {@code element.risk.v1} as scoring would: keyed by element, with CloudEvents headers. */
    static void publish(String brokers, ElementRiskChanged change) {
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send("element.risk.v1", change.element(), JSON.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, AlertServiceIntegrationTest.SCORING));
        }
    }


    static ElementRiskChanged fall(String element, RiskLevel from, Instant asOf) {
        return new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, element, 30.0, RiskLevel.GUARDED, 70.0,
                from, 25.0, asOf, List.of(APRIL_CONTROL));
    }
}
