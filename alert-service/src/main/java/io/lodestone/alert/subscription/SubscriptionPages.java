package io.lodestone.alert.subscription;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.LimitReachedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's subscription pages: list, create, edit and delete, through the same
 * {@link SubscriptionService} and validator as the API. A refused form comes back filled in, with
 * each problem next to its field. Slack URLs and webhook secrets are never written into a page.
 */
@Controller
class SubscriptionPages {

    private final SubscriptionService service;
    private final SubscriptionRepository subscriptions;

    SubscriptionPages(SubscriptionService service, SubscriptionRepository subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/subscriptions")
    String list(Model model) {
        model.addAttribute("subscriptions", subscriptions.findAll().stream().map(SubscriptionView::of).toList());
        return "subscriptions";
    }

    @GetMapping("/subscriptions/new")
    String createForm(Model model) {
        return form(model, SubscriptionForm.blank(), null, Map.of());
    }

    @PostMapping("/subscriptions")
    String create(@ModelAttribute SubscriptionForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        SubscriptionRequest request = form.toRequest(null, errors);
        try {
            Subscription created = service.create(refuseParseErrors(request, errors, null));
            redirect.addFlashAttribute("notice", "Subscription created.");
            return "redirect:/subscriptions/" + created.id();
        } catch (InvalidRequestException invalid) {
            return form(model, form, null, merged(errors, invalid));
        } catch (LimitReachedException full) {
            return form(model, form, null, Map.of("form", full.getMessage()));
        }
    }

    @GetMapping("/subscriptions/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("subscription", SubscriptionView.of(service.existing(id)));
        return "subscription";
    }

    @GetMapping("/subscriptions/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Subscription subscription = service.existing(id);
        return form(model, SubscriptionForm.of(subscription.spec()), subscription, Map.of());
    }

    @PostMapping("/subscriptions/{id}")
    String update(@PathVariable UUID id, @ModelAttribute SubscriptionForm form, Model model,
                  RedirectAttributes redirect) {
        Subscription current = service.existing(id);
        Map<String, String> errors = new LinkedHashMap<>();
        SubscriptionRequest request = form.toRequest(current.spec(), errors);
        try {
            service.update(id, refuseParseErrors(request, errors, current.spec()));
            redirect.addFlashAttribute("notice", "Subscription saved.");
            return "redirect:/subscriptions/" + id;
        } catch (InvalidRequestException invalid) {
            return form(model, form, current, merged(errors, invalid));
        }
    }

    @PostMapping("/subscriptions/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        service.delete(id);
        redirect.addFlashAttribute("notice", "Subscription deleted; its history stays.");
        return "redirect:/subscriptions";
    }

    /** Fields that did not even parse are refused together with whatever the validator finds. */
    private SubscriptionRequest refuseParseErrors(SubscriptionRequest request, Map<String, String> parseErrors,
                                                  SubscriptionSpec stored) {
        if (!parseErrors.isEmpty()) {
            try {
                service.validate(request, stored);
            } catch (InvalidRequestException invalid) {
                throw new InvalidRequestException(invalid.getMessage(), merged(parseErrors, invalid));
            }
            throw new InvalidRequestException("The form has invalid fields.", parseErrors);
        }
        return request;
    }

    private static Map<String, String> merged(Map<String, String> parseErrors, InvalidRequestException invalid) {
        Map<String, String> all = new LinkedHashMap<>(invalid.fieldErrors());
        all.putAll(parseErrors);
        return all;
    }

    private String form(Model model, SubscriptionForm form, Subscription editing, Map<String, String> apiErrors) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing == null ? null : SubscriptionView.of(editing));
        model.addAttribute("errors", SubscriptionForm.formErrors(apiErrors));
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("allGroups", ElementGroup.values());
        return "subscription-form";
    }
}
