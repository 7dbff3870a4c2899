package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import java.net.URI;
import java.time.Instant;

/**
 * What an operator wants to know about a source: when it last worked, when and why it last
 * failed, how many items it gave, and when it will be polled next.
 */
public record SourceStatus(
        String id,
        IngestProperties.Kind kind,
        URI url,
        boolean enabled,
        Instant lastAttempt,
        Instant lastSuccess,
        Instant lastError,
        String lastErrorMessage,
        int consecutiveFailures,
        long itemsSeen,
        Instant nextPoll) {

    static SourceStatus initial(IngestProperties.Source source) {
        return new SourceStatus(source.id(), source.kind(), source.url(), source.enabled(), null, null, null, null,
                0, 0, null);
    }

    SourceStatus succeeded(Instant at, int items, Instant next) {
        return new SourceStatus(id, kind, url, enabled, at, at, lastError, lastErrorMessage, 0, itemsSeen + items, next);
    }

    SourceStatus failed(Instant at, String message, Instant next) {
        return new SourceStatus(id, kind, url, enabled, at, lastSuccess, at, message, consecutiveFailures + 1,
                itemsSeen, next);
    }

    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}
