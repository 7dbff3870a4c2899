package io.lodestone.alert.lifecycle;

import io.lodestone.events.Elements;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's alert history: newest first, filtered by element, state and subscription. */
@Controller
class AlertPages {

    static final int PAGE_SIZE = 200;

    private final AlertRepository alerts;

    AlertPages(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String alerts(@RequestParam(required = false) String element, @RequestParam(required = false) AlertState state,
                  @RequestParam(required = false) UUID subscriptionId, Model model) {
        String symbol = element == null || element.isBlank() ? null : element.strip();
        model.addAttribute("alerts", alerts.search(new AlertQuery(symbol, subscriptionId, state, null, null, PAGE_SIZE)));
        model.addAttribute("element", symbol);
        model.addAttribute("state", state);
        model.addAttribute("subscriptionId", subscriptionId);
        model.addAttribute("states", AlertState.values());
        model.addAttribute("elements", Elements.all());
        return "alerts";
    }
}
