package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import io.lodestone.service.api.InvalidRequestException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's delivery history: every notification sent or tried, and for one delivery each
 * attempt and each operator action, with the same resend and cancel as the admin API. A refused
 * action (a delivery in the wrong state, a reason with control characters) is said on the
 * delivery's page.
 */
@Controller
class DeliveryPages {

    static final int PAGE_SIZE = 200;

    private final DeliveryRepository deliveries;
    private final DeliveryOperator operator;

    DeliveryPages(DeliveryRepository deliveries, DeliveryOperator operator) {
        this.deliveries = deliveries;
        this.operator = operator;
    }

    @GetMapping("/deliveries")
    String list(@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) UUID subscriptionId,
                @RequestParam(required = false) Channel channel, Model model) {
        model.addAttribute("deliveries", deliveries.search(status, subscriptionId, channel, PAGE_SIZE).stream()
                .map(d -> DeliveryController.detail(d, null, null)).toList());
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("subscriptionId", subscriptionId);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("channels", Channel.values());
        return "deliveries";
    }

    @GetMapping("/deliveries/{id}")
    String show(@PathVariable UUID id, Model model) {
        Delivery delivery = deliveries.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No delivery " + id));
        model.addAttribute("delivery", DeliveryController.detail(delivery, deliveries.attempts(id), deliveries.actions(id)));
        return "delivery";
    }

    @PostMapping("/deliveries/{id}/resend")
    String resend(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> operator.resend(id, reason), "Sent again.");
    }

    @PostMapping("/deliveries/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> operator.cancel(id, reason), "Cancelled.");
    }

    private static String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ResponseStatusException refused) {
            if (refused.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.getReason());
        } catch (InvalidRequestException invalid) {
            // a reason the API would refuse with a 400: said on the page, as the other forms do
            redirect.addFlashAttribute("refusal", invalid.fieldErrors().entrySet().stream()
                    .map(error -> "The " + error.getKey() + " " + error.getValue() + ".")
                    .collect(Collectors.joining(" ")));
        }
        return "redirect:/deliveries/" + id;
    }
}
