package io.lodestone.alert.silence;

import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.events.ElementGroup;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.LimitReachedException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The console's silences: the list (active first), a form to mute elements, groups or one
 * subscription until a time (UTC), and ending one now. Same rules as the API, through
 * {@link SilenceService}; the signed-in person is recorded as its author.
 */
@Controller
class SilencePages {

    /** The silence form as posted; times are UTC, as {@code datetime-local} inputs send them. */
    record SilenceForm(String elements, List<String> groups, String subscriptionId, String startsAt, String endsAt,
                       String comment) {
    }

    private final SilenceService service;
    private final SubscriptionRepository subscriptions;

    SilencePages(SilenceService service, SubscriptionRepository subscriptions) {
        this.service = service;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/silences")
    String list(Model model) {
        return page(model, new SilenceForm("", List.of(), "", "", "", ""), Map.of());
    }

    @PostMapping("/silences")
    String create(@ModelAttribute SilenceForm form, Principal who, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ElementGroup> groups = new ArrayList<>();
        for (String group : form.groups() == null ? List.<String>of() : form.groups()) {
            try {
                groups.add(ElementGroup.valueOf(group));
            } catch (IllegalArgumentException e) {
                errors.put("groups", "must be one of " + Arrays.toString(ElementGroup.values()));
            }
        }
        UUID subscription = null;
        if (form.subscriptionId() != null && !form.subscriptionId().isBlank()) {
            try {
                subscription = UUID.fromString(form.subscriptionId().strip());
            } catch (IllegalArgumentException e) {
                errors.put("subscriptionId", "no such subscription");
            }
        }
        Instant startsAt = instant("startsAt", form.startsAt(), errors);
        Instant endsAt = instant("endsAt", form.endsAt(), errors);
        List<String> elements = form.elements() == null || form.elements().isBlank() ? List.of()
                : Arrays.stream(form.elements().strip().split("[,;\\s]+")).toList();
        SilenceRequest request = new SilenceRequest(elements, groups, subscription, startsAt, endsAt,
                form.comment(), who == null ? null : who.getName());
        try {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException("The form has invalid fields.", errors);
            }
            service.create(request);
            redirect.addFlashAttribute("notice", "Silence created.");
            return "redirect:/silences";
        } catch (InvalidRequestException invalid) {
            Map<String, String> all = new LinkedHashMap<>(invalid.fieldErrors());
            all.putAll(errors);
            return page(model, form, all);
        } catch (LimitReachedException full) {
            return page(model, form, Map.of("form", full.getMessage()));
        }
    }

    @PostMapping("/silences/{id}/expire")
    String expire(@PathVariable UUID id, RedirectAttributes redirect) {
        service.expire(id);
        redirect.addFlashAttribute("notice", "Silence ended.");
        return "redirect:/silences";
    }

    private String page(Model model, SilenceForm form, Map<String, String> apiErrors) {
        Instant now = service.now();
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((field, problem) -> errors.merge(field.replaceAll("\\[\\d+]$", ""), problem,
                (a, b) -> a + "; " + b));
        model.addAttribute("silences", service.list(false));
        model.addAttribute("now", now);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allGroups", ElementGroup.values());
        model.addAttribute("subscriptions", subscriptions.findAll());
        return "silences";
    }

    private static Instant instant(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date and time such as 2026-12-01T08:00 (UTC)");
            return null;
        }
    }
}
