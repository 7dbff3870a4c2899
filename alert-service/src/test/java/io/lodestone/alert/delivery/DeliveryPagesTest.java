package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The console's resend and cancel refuse a reason the admin API refuses, and say so on the delivery's
 * page instead of answering a person's form with the API's problem document. The reason is checked
 * before the delivery is looked up, so no database is needed to see it.
 */
class DeliveryPagesTest {

    private final DeliveryPages pages = new DeliveryPages(null, new DeliveryOperator(null, null, Clock.systemUTC(), null));
    private final UUID id = UUID.fromString("0b6a1d5e-5d7c-4c55-9d0e-3a4f8b2c1e77");

    @Test
    void aResendReasonWithAnEscapeSequenceIsRefusedOnTheDeliveryPage() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        String view = pages.resend(id, "fixed \u001b[2J the receiver", redirect);

        assertThat(view).isEqualTo("redirect:/deliveries/" + id);
        assertThat((String) redirect.getFlashAttributes().get("refusal"))
                .startsWith("The reason must not contain control characters");
        assertThat(redirect.getFlashAttributes()).doesNotContainKey("notice");
    }

    @Test
    void aCancelReasonWithATextDirectionOverrideIsRefusedOnTheDeliveryPage() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        String view = pages.cancel(id, "wrong \u202Ereceiver", redirect);

        assertThat(view).isEqualTo("redirect:/deliveries/" + id);
        assertThat((String) redirect.getFlashAttributes().get("refusal")).contains("text-direction overrides");
    }
}
