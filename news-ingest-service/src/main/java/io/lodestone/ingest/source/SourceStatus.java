package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What an operator wants to know about a source: who publishes it and in which language, when it
 * last worked, when and why it last failed, what was wrong with parts of its last good poll
 * ({@code problems}: skipped notices, selectors that matched only some items, robots.txt refusals),
 * how many items it gave, and when it will be polled next.
 */
public record SourceStatus(
        String id,
        IngestProperties.Kind kind,
        String publisher,
        String language,
        URI url,
        boolean enabled,
        Instant lastAttempt,
        Instant lastSuccess,
        Instant lastError,
        String lastErrorMessage,
        int consecutiveFailures,
        long itemsSeen,
        Instant nextPoll,
        List<String> problems) {

    public SourceStatus {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static SourceStatus initial(IngestProperties.Source source) {
        return new SourceStatus(source.id(), source.kind(), source.publisher(), source.language(), source.url(),
                source.enabled(), null, null, null, null, 0, 0, null, List.of());
    }

    SourceStatus succeeded(Instant at, int items, Instant next, List<String> partProblems) {
        return new SourceStatus(id, kind, publisher, language, url, enabled, at, at, lastError, lastErrorMessage, 0,
                itemsSeen + items, next, partProblems);
    }

    SourceStatus failed(Instant at, String message, Instant next) {
        return new SourceStatus(id, kind, publisher, language, url, enabled, at, lastSuccess, at, message,
                consecutiveFailures + 1, itemsSeen, next, problems);
    }

    SourceStatus waiting(Instant next) {
        return new SourceStatus(id, kind, publisher, language, url, enabled, lastAttempt, lastSuccess, lastError,
                lastErrorMessage, consecutiveFailures, itemsSeen, next, problems);
    }

    /** This status with what the source's current definition says (an operator may have switched it). */
    SourceStatus describing(IngestProperties.Source source) {
        return new SourceStatus(id, source.kind(), source.publisher(), source.language(), source.url(),
                source.enabled(), lastAttempt, lastSuccess, lastError, lastErrorMessage, consecutiveFailures, itemsSeen,
                source.enabled() ? nextPoll : null, problems);
    }

    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}
