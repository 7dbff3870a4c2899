package io.lodestone.alert.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far {@code alerts.v1} is behind the decisions: the events still in the outbox
 * ({@code lodestone_alert_events{status="unpublished"}}), the parked ones that cannot be read
 * ({@code status="parked"}), and the age of the oldest unpublished one
 * ({@code lodestone_alert_events_oldest_unpublished_seconds}, 0 when none waits). An age that
 * keeps growing means the relay cannot reach the broker; the operators' rules alert on it.
 */
@Component
class AlertEventBacklog {

    private static final Logger log = LoggerFactory.getLogger(AlertEventBacklog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    AlertEventBacklog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("lodestone.alert.events", unpublished, AtomicLong::get).tag("status", "unpublished")
                .description("alerts.v1 events in the outbox by status").register(meters);
        Gauge.builder("lodestone.alert.events", parked, AtomicLong::get).tag("status", "parked")
                .description("alerts.v1 events in the outbox by status").register(meters);
        Gauge.builder("lodestone.alert.events.oldest.unpublished", oldestSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Age of the oldest alerts.v1 event not yet published").register(meters);
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.sweep-interval:1s}", initialDelay = 1000)
    void measure() {
        try {
            jdbc.sql("""
                    select count(*) filter (where published_at is null and failed_at is null) as unpublished,
                           count(*) filter (where failed_at is not null) as parked,
                           min(created_at) filter (where published_at is null and failed_at is null) as oldest
                    from event_outbox""")
                    .query(rs -> {
                        rs.next();
                        unpublished.set(rs.getLong("unpublished"));
                        parked.set(rs.getLong("parked"));
                        Timestamp oldest = rs.getTimestamp("oldest");
                        oldestSeconds.set(oldest == null ? 0
                                : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
                        return null;
                    });
        } catch (RuntimeException e) {
            log.debug("Could not measure the alerts.v1 outbox: {}", e.toString());
        }
    }
}
