package io.lodestone.events;

import java.time.Instant;
import java.util.List;

/** Fully populated sample messages: every field set, so a schema that misses one fails. */
final class Samples {

    static final Instant APRIL_4_2025 = Instant.parse("2025-04-04T08:00:00Z");

    private Samples() {
    }

    static SupplyEventDetected heavyRareEarthControls() {
        String text = "The commerce ministry said seven medium and heavy rare earths, among them dysprosium "
                + "and terbium, now need an export licence.";
        return new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-2025-018", "mofcom-notices",
                "https://example.org/notice-18", "China adds seven rare earths to export licensing",
                APRIL_4_2025, APRIL_4_2025.plusSeconds(90), "en", EventType.EXPORT_RESTRICTION,
                Direction.TIGHTENING, 5, 0.93, List.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"),
                List.of(ElementGroup.HREE), List.of("CN"), List.of(),
                List.of(new Evidence("text", 0, text.length(), text, List.of("Dy", "Tb", "HREE", "EXPORT_RESTRICTION"))),
                3);
    }

    static Contributor controlsAsContributor() {
        return new Contributor("evt-2025-018", "China adds seven rare earths to export licensing",
                "https://example.org/notice-18", EventType.EXPORT_RESTRICTION, APRIL_4_2025, 38.5,
                "seven medium and heavy rare earths, among them dysprosium and terbium, now need an export licence");
    }

    static ElementRiskChanged dysprosiumRaisedToHigh() {
        return new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Dy", 71.2, RiskLevel.HIGH, 32.7,
                RiskLevel.GUARDED, 32.7, APRIL_4_2025, List.of(controlsAsContributor()), "3f9a2c1b0d4e");
    }

    static AlertFired dysprosiumAlertFired() {
        return new AlertFired(AlertFired.SCHEMA_VERSION, "alert-1", "sub-magnets", "Dy", RiskLevel.HIGH, 71.2,
                RiskLevel.GUARDED, APRIL_4_2025, List.of(controlsAsContributor()), false);
    }

    static AlertResolved dysprosiumAlertResolved() {
        return new AlertResolved(AlertResolved.SCHEMA_VERSION, "alert-1", "sub-magnets", "Dy", RiskLevel.ELEVATED,
                54.0, APRIL_4_2025, APRIL_4_2025.plusSeconds(86_400L * 120), true);
    }

    static Object sampleOf(MessageType type) {
        return switch (type) {
            case SUPPLY_EVENT_DETECTED -> heavyRareEarthControls();
            case ELEMENT_RISK_CHANGED -> dysprosiumRaisedToHigh();
            case ALERT_FIRED -> dysprosiumAlertFired();
            case ALERT_RESOLVED -> dysprosiumAlertResolved();
        };
    }
}
