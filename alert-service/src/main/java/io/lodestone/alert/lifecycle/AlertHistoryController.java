package io.lodestone.alert.lifecycle;

import io.lodestone.alert.StoredTimes;
import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The alert history: every alert that fired, firing or resolved, newest first. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertHistoryController {

    static final int MAX_LIMIT = 1000;

    private final AlertRepository alerts;

    AlertHistoryController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * @param since alerts still relevant at or after this instant (resolved after it, or still firing)
     * @param until alerts that fired before this instant
     */
    @GetMapping
    List<Alert> search(@RequestParam(required = false) String element,
                       @RequestParam(required = false) UUID subscriptionId,
                       @RequestParam(required = false) String state,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
                       @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        StoredTimes.problem(since).ifPresent(problem -> {
            throw InvalidRequestException.field("since", problem);
        });
        StoredTimes.problem(until).ifPresent(problem -> {
            throw InvalidRequestException.field("until", problem);
        });
        return alerts.search(new AlertQuery(element, subscriptionId, state(state), since, until, limit));
    }

    @GetMapping("/{id}")
    Alert get(@PathVariable UUID id) {
        return alerts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No alert " + id));
    }

    private static AlertState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return AlertState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("state", "must be firing or resolved");
        }
    }
}
