package io.lodestone.ingest.source;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports each source's state under {@code /actuator/health} details. A failing source does not
 * make the service unhealthy (the others still work, and the push API too); it shows here, in the
 * {@code lodestone.ingest.source.up} gauge and in {@code GET /api/v1/sources}.
 */
@Component("sources")
class SourcesHealthIndicator implements HealthIndicator {

    private final SourcePoller poller;

    SourcesHealthIndicator(SourcePoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        poller.statuses().forEach(status -> health.withDetail(status.id(),
                !status.enabled() ? "disabled" : status.healthy() ? "ok"
                        : "failing (" + status.consecutiveFailures() + "x): " + status.lastErrorMessage()));
        return health.build();
    }
}
