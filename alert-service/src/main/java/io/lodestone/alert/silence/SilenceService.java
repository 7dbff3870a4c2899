package io.lodestone.alert.silence;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Caps;
import io.lodestone.alert.ElementChoice;
import io.lodestone.alert.StoredText;
import io.lodestone.alert.StoredTimes;
import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.LimitReachedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creating, listing and ending silences, for the API and the console alike, with one set of rules:
 * a silence names what it mutes (never everything) and ends in the future.
 */
@Service
class SilenceService {

    static final int MAX_TEXT = 1000;

    private final SilenceRepository silences;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final Caps caps;
    private final int maxActive;

    SilenceService(SilenceRepository silences, SubscriptionRepository subscriptions, Clock clock, Caps caps,
                   AlertProperties properties) {
        this.silences = silences;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.caps = caps;
        this.maxActive = properties.limits().maxActiveSilences();
    }

    /**
     * @throws InvalidRequestException naming every bad field
     * @throws LimitReachedException   when {@code lodestone.alert.limits.max-active-silences} have not ended yet
     */
    @Transactional
    Silence create(SilenceRequest request) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        validate(request, startsAt, now);
        caps.requireRoom("active silences", maxActive, "lodestone.alert.limits.max-active-silences",
                "select count(*) from silence where ends_at > ?", Timestamp.from(now));
        Silence silence = new Silence(UUID.randomUUID(), request.elements(), request.groups(), request.subscriptionId(),
                startsAt, request.endsAt(), request.comment(), request.createdBy(), now);
        silences.insert(silence);
        return silence;
    }

    /** The silences not yet ended, or every one kept (the latest thousand). */
    List<Silence> list(boolean activeOnly) {
        Instant now = clock.instant();
        return activeOnly ? silences.notEndedAt(now) : silences.all(1000);
    }

    /** Ends a silence now. */
    void expire(UUID id) {
        if (!silences.expire(id, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No active silence " + id);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private void validate(SilenceRequest request, Instant startsAt, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> elements = request.elements() == null ? List.of() : request.elements();
        List<?> groups = request.groups() == null ? List.of() : request.groups();
        if (elements.isEmpty() && groups.isEmpty() && request.subscriptionId() == null) {
            errors.put("elements", "name elements, groups or a subscriptionId: a silence of everything is not allowed");
        }
        ElementChoice.check(request.elements(), request.groups(), errors);
        if (request.subscriptionId() != null && subscriptions.find(request.subscriptionId()).isEmpty()) {
            errors.put("subscriptionId", "no such subscription");
        }
        StoredTimes.problem(request.startsAt()).ifPresent(problem -> errors.put("startsAt", problem));
        if (request.endsAt() == null) {
            errors.put("endsAt", "must be set");
        } else if (StoredTimes.problem(request.endsAt()).isPresent()) {
            errors.put("endsAt", StoredTimes.problem(request.endsAt()).get());
        } else if (!request.endsAt().isAfter(now) || !request.endsAt().isAfter(startsAt)) {
            errors.put("endsAt", "must be in the future and after startsAt");
        }
        if (request.comment() != null && request.comment().length() > MAX_TEXT) {
            errors.put("comment", "must be at most " + MAX_TEXT + " characters");
        } else {
            StoredText.textProblem(request.comment()).ifPresent(problem -> errors.put("comment", problem));
        }
        if (request.createdBy() != null && request.createdBy().length() > MAX_TEXT) {
            errors.put("createdBy", "must be at most " + MAX_TEXT + " characters");
        } else {
            StoredText.lineProblem(request.createdBy()).ifPresent(problem -> errors.put("createdBy", problem));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The silence has " + errors.size() + " invalid field(s).", errors);
        }
    }
}
