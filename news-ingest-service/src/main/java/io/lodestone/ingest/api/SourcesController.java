package io.lodestone.ingest.api;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.source.RuntimeSources;
import io.lodestone.ingest.source.SourceChangeRefused;
import io.lodestone.ingest.source.SourcePoller;
import io.lodestone.ingest.source.SourceStatus;
import io.lodestone.service.api.InvalidRequestException;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Every source's status; switching a source on or off, adding one and deleting an added one while
 * the service runs (kept in Kafka, so every replica and every later start has them); and polling
 * one now instead of waiting for its schedule.
 */
@RestController
class SourcesController {

    private final SourcePoller poller;
    private final RuntimeSources sources;

    SourcesController(SourcePoller poller, RuntimeSources sources) {
        this.poller = poller;
        this.sources = sources;
    }

    @GetMapping("/api/v1/sources")
    Collection<SourceStatus> sources() {
        return poller.statuses();
    }

    @GetMapping("/api/v1/sources/{id}")
    SourceStatus source(@PathVariable String id) {
        return status(id);
    }

    /** Only {@code enabled} can change; a definition is changed by deleting and adding it (added sources) or in configuration. */
    @PatchMapping("/api/v1/sources/{id}")
    SourceStatus change(@PathVariable String id, @RequestBody JsonNode body) {
        if (!body.isObject() || !body.path("enabled").isBoolean()) {
            throw InvalidRequestException.field("enabled", "send {\"enabled\": true} or {\"enabled\": false}");
        }
        body.propertyNames().stream().filter(name -> !name.equals("enabled")).findFirst().ifPresent(name -> {
            throw InvalidRequestException.field(name, "only 'enabled' can be changed here");
        });
        sources.setEnabled(id, body.get("enabled").asBoolean());
        return status(id);
    }

    @PostMapping("/api/v1/sources")
    ResponseEntity<SourceStatus> add(@RequestBody JsonNode definition) {
        IngestProperties.Source added = sources.add(definition);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/sources/" + added.id()).body(status(added.id()));
    }

    @DeleteMapping("/api/v1/sources/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        sources.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/sources/{id}/poll")
    SourceStatus poll(@PathVariable String id) {
        try {
            return poller.pollNow(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id, e);
        }
    }

    @ExceptionHandler(SourceChangeRefused.class)
    ProblemDetail refused(SourceChangeRefused e) {
        HttpStatus status = switch (e.reason()) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    private SourceStatus status(String id) {
        return poller.statuses().stream().filter(status -> status.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound(id, null));
    }

    private static ErrorResponseException notFound(String id, Throwable cause) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no source '" + id + "'."), cause);
    }
}
