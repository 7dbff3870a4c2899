package io.lodestone.alert.publish;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.lifecycle.AlertChanged;
import io.lodestone.events.AlertEvent;
import io.lodestone.events.AlertFired;
import io.lodestone.events.AlertResolved;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link AlertFired} and {@link AlertResolved} into the outbox table in the transaction
 * that fired or resolved the alert, so that {@code alerts.v1} misses no lifecycle change even if
 * the broker is down or the service stops right after the decision. Escalations are not
 * lifecycle changes and are not published.
 */
@Component
class AlertEventOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AlertEventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onAlertChanged(AlertChanged changed) {
        Alert alert = changed.alert();
        switch (changed.transition()) {
            case FIRE -> write(new AlertFired(AlertFired.SCHEMA_VERSION, alert.id().toString(),
                    alert.subscriptionId().toString(), alert.element(), alert.level(), alert.score(),
                    alert.previousLevel(), alert.firedAt(), alert.evidence(), alert.silenced()), alert.firedAt());
            case RESOLVE -> write(new AlertResolved(AlertResolved.SCHEMA_VERSION, alert.id().toString(),
                    alert.subscriptionId().toString(), alert.element(), alert.level(), alert.score(), alert.firedAt(),
                    alert.resolvedAt(), alert.silenced()), alert.resolvedAt());
            default -> { }
        }
    }

    private void write(AlertEvent event, Instant eventTime) {
        jdbc.sql("""
                insert into event_outbox (id, alert_id, payload, event_time, created_at)
                values (?, ?, cast(? as jsonb), ?, ?)""")
                .params(UUID.randomUUID(), UUID.fromString(event.alertId()),
                        json.writerFor(AlertEvent.class).writeValueAsString(event),
                        Timestamp.from(eventTime), Timestamp.from(clock.instant()))
                .update();
    }
}
