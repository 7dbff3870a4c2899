package io.lodestone.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.EventType;
import io.lodestone.events.Evidence;
import io.lodestone.events.SupplyEventDetected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each element's impact carries the quote that best explains it. */
class EventImpactsTest {

    private static final Instant AT = Instant.parse("2025-04-04T08:00:00Z");
    private final EventImpacts impacts = new EventImpacts(ModelParameters.DEFAULT, "test");

    @Test
    void anElementGetsItsOwnQuoteElseTheEarliestOfItsGroupsElseTheFirst() {
        SupplyEventDetected event = event(List.of("Dy", "Ga"), List.of(ElementGroup.HREE), List.of(
                quote("China restricts exports of gallium.", List.of("Ga")),
                quote("Heavy rare earths are covered.", List.of("HREE")),
                quote("Rare earths are covered too.", List.of("REE")),
                quote("Dysprosium needs a licence.", List.of("Dy"))));

        Map<String, Impact> byElement = impacts.of(event);

        assertThat(byElement.get("Dy").evidence()).isEqualTo("Dysprosium needs a licence.");
        assertThat(byElement.get("Ga").evidence()).isEqualTo("China restricts exports of gallium.");
        assertThat(byElement.get("Tb").evidence()).isEqualTo("Heavy rare earths are covered.");
    }

    @Test
    void anElementNoQuoteSupportsGetsTheFirstQuote() {
        SupplyEventDetected event = event(List.of("Sb"), List.of(), List.of(
                quote("Exports are suspended.", List.of()), quote("Gallium too.", List.of("Ga"))));

        assertThat(impacts.of(event).get("Sb").evidence()).isEqualTo("Exports are suspended.");
    }

    /** 256 quotes of 256 names each, every one a group: looked through per element and group, seconds per record. */
    @Test
    void anEventOfTheLargestEvidenceIsReadQuotingItsFirstGroupQuote() {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            evidence.add(quote("Quote " + i, Collections.nCopies(256, "SMCO_MAGNET")));
        }
        SupplyEventDetected event = event(List.of("Dy", "Tb", "Nd", "Pr", "Ga", "Ge", "Sb", "W"), List.of(ElementGroup.REE),
                evidence);

        Map<String, Impact> byElement = impacts.of(event);

        assertThat(byElement).containsKeys("Dy", "La", "Ce", "Sm");
        assertThat(byElement.get("Sm").evidence()).isEqualTo("Quote 0");
        assertThat(byElement.get("Dy").evidence()).isEqualTo("Quote 0");
    }

    private static Evidence quote(String text, List<String> supports) {
        return new Evidence("text", 0, text.length(), text, supports);
    }

    private static SupplyEventDetected event(List<String> elements, List<ElementGroup> groups, List<Evidence> evidence) {
        return new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, "evt-1", "test", "https://example.org/1",
                "China restricts exports", AT, AT, "en", EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 5, 0.9,
                elements, groups, List.of("CN"), List.of(), evidence, 1);
    }
}
