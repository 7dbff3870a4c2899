package io.lodestone.alert.silence;

import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.events.Elements;
import io.lodestone.service.api.InvalidRequestException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Create, list and end silences. An ended silence stays listed as history. */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

    static final int MAX_TEXT = 1000;

    private final SilenceRepository silences;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    SilenceController(SilenceRepository silences, SubscriptionRepository subscriptions, Clock clock) {
        this.silences = silences;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Silence> create(@RequestBody SilenceRequest request) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        validate(request, startsAt, now);
        Silence silence = new Silence(UUID.randomUUID(), request.elements(), request.groups(), request.subscriptionId(),
                startsAt, request.endsAt(), request.comment(), request.createdBy(), now);
        silences.insert(silence);
        return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.id())).body(silence);
    }

    @GetMapping
    List<Silence> list(@RequestParam(defaultValue = "false") boolean active) {
        Instant now = clock.instant();
        return active ? silences.notEndedAt(now) : silences.all(1000);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> expire(@PathVariable UUID id) {
        if (!silences.expire(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No active silence " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private void validate(SilenceRequest request, Instant startsAt, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> elements = request.elements() == null ? List.of() : request.elements();
        List<?> groups = request.groups() == null ? List.of() : request.groups();
        if (elements.isEmpty() && groups.isEmpty() && request.subscriptionId() == null) {
            errors.put("elements", "name elements, groups or a subscriptionId: a silence of everything is not allowed");
        }
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == null || !Elements.isTracked(elements.get(i))) {
                errors.put("elements[" + i + "]", "is not a tracked element symbol");
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null) {
                errors.put("groups[" + i + "]", "must be one of REE, LREE, HREE, NDFEB_MAGNET, SMCO_MAGNET");
            }
        }
        if (request.subscriptionId() != null && subscriptions.find(request.subscriptionId()).isEmpty()) {
            errors.put("subscriptionId", "no such subscription");
        }
        if (request.endsAt() == null) {
            errors.put("endsAt", "must be set");
        } else if (!request.endsAt().isAfter(now) || !request.endsAt().isAfter(startsAt)) {
            errors.put("endsAt", "must be in the future and after startsAt");
        }
        if (request.comment() != null && request.comment().length() > MAX_TEXT) {
            errors.put("comment", "must be at most " + MAX_TEXT + " characters");
        }
        if (request.createdBy() != null && request.createdBy().length() > MAX_TEXT) {
            errors.put("createdBy", "must be at most " + MAX_TEXT + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The silence has " + errors.size() + " invalid field(s).", errors);
        }
    }
}
