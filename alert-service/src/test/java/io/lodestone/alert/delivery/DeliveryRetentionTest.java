package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import io.lodestone.alert.TestDatabase;
import io.lodestone.alert.TestProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Old sent deliveries go, with their attempts; everything else stays. Real PostgreSQL. */
class DeliveryRetentionTest {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private final TestDatabase db = TestDatabase.migrated("alert_retention");
    private final UUID subscription = db.insertSubscription();
    private final UUID notification = insertNotification();

    @Test
    void sentDeliveriesOlderThanTheRetentionArePrunedWithTheirAttemptsAndNothingElse() {
        // Given deliveries sent 40 and 10 days ago, one that failed 40 days ago and one pending
        UUID oldSent = insertDelivery("SENT", NOW.minus(Duration.ofDays(40)));
        UUID recentSent = insertDelivery("SENT", NOW.minus(Duration.ofDays(10)));
        UUID oldFailed = insertDelivery("FAILED", NOW.minus(Duration.ofDays(40)));
        UUID pending = insertDelivery("PENDING", NOW.minus(Duration.ofDays(40)));

        // and records of emails sent two days and an hour ago
        AlertProperties properties = TestProperties.alert(Map.of("lodestone.alert.retention.deliveries", "30d"));
        RecipientBudget recipients = new RecipientBudget(db.jdbc(), db.transactions(), properties);
        recipients.sent(List.of("old@example.com"), NOW.minus(Duration.ofDays(2)));
        recipients.sent(List.of("recent@example.com"), NOW.minus(Duration.ofHours(1)));

        // When pruning with a retention of 30 days
        DeliveryRetention retention = new DeliveryRetention();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Pruning.prune(retention.sentDeliveries(new DeliveryRepository(db.jdbc()), properties), clock);
        Pruning.prune(retention.emailsSent(recipients), clock);

        // Then only the delivery sent 40 days ago is gone, and its attempt with it
        assertThat(db.jdbc().sql("select id from delivery").query(UUID.class).list())
                .containsExactlyInAnyOrder(recentSent, oldFailed, pending);
        assertThat(db.jdbc().sql("select delivery_id from delivery_attempt").query(UUID.class).list())
                .containsExactlyInAnyOrder(recentSent, oldFailed, pending);
        // and the record of an email sent more than a day ago
        assertThat(db.jdbc().sql("select address from email_send").query(String.class).list())
                .containsExactly("recent@example.com");
    }

    private UUID insertNotification() {
        UUID id = UUID.randomUUID();
        db.jdbc().sql("""
                insert into notification (id, subscription_id, kind, status, due_at, created_at)
                values (?, ?, 'FIRING', 'SEALED', now(), now())""").params(id, subscription).update();
        return id;
    }

    private UUID insertDelivery(String status, Instant at) {
        UUID id = UUID.randomUUID();
        Timestamp time = Timestamp.from(at);
        db.jdbc().sql("""
                insert into delivery (id, idempotency_key, notification_id, subscription_id, channel, kind, status,
                                      attempts, next_attempt_at, created_at, sent_at)
                values (?, ?, ?, ?, 'WEBHOOK', 'FIRING', ?, 1, ?, ?, ?)""")
                .params(id, id.toString(), notification, subscription, status, time, time,
                        status.equals("SENT") ? time : null)
                .update();
        db.jdbc().sql("""
                insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome)
                values (?, 1, ?, 5, 'DELIVERED')""").params(id, time).update();
        return id;
    }
}
