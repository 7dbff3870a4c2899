package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscription linked to a bill of materials watches the BOM's elements, and keeps the link when edited in the console. */
class BomLinkTest {

    private static final BomLink LINK = new BomLink(UUID.randomUUID(), 100.0, List.of("Dy", "Ta"));

    @Test
    void watchesTheElementsOfItsBillOfMaterialsBesidesThoseItNames() {
        SubscriptionSpec spec = linked(List.of("Ga"));

        assertThat(spec.symbols()).containsExactly("Ga", "Dy", "Ta");
        assertThat(spec.watches("Ta")).isTrue();
        assertThat(spec.watches("Nd")).isFalse();
    }

    @Test
    void anEditInTheConsoleFormKeepsTheStoredLink() {
        SubscriptionSpec stored = linked(List.of());

        SubscriptionRequest edited = SubscriptionForm.of(stored).toRequest(stored, new HashMap<>());

        assertThat(edited.bom()).isEqualTo(LINK);
    }

    private static SubscriptionSpec linked(List<String> elements) {
        return new SubscriptionSpec("motor buyers", elements, List.of(), new Trigger(RiskLevel.HIGH, null, null),
                new Channels(new EmailChannel(List.of("a@example.com")), null, null),
                Duration.ofSeconds(30), Duration.ofDays(7), true, null, LINK);
    }
}
