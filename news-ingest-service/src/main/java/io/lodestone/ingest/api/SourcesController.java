package io.lodestone.ingest.api;

import io.lodestone.ingest.source.SourcePoller;
import io.lodestone.ingest.source.SourceStatus;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each configured source's status, and a way to poll one now instead of waiting for its schedule. */
@RestController
class SourcesController {

    private final SourcePoller poller;

    SourcesController(SourcePoller poller) {
        this.poller = poller;
    }

    @GetMapping("/api/v1/sources")
    Collection<SourceStatus> sources() {
        return poller.statuses();
    }

    @PostMapping("/api/v1/sources/{id}/poll")
    SourceStatus poll(@PathVariable String id) {
        try {
            return poller.pollNow(id);
        } catch (IllegalArgumentException e) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no source '" + id + "'."), e);
        }
    }
}
