package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next due delivery, locked for the caller's transaction; other instances skip it. The
     * lock is held while sending, so a crash mid-send leaves it pending for the next try.
     */
    Optional<Delivery> claimNextDue(Instant now) {
        return jdbc.sql("""
                select * from delivery where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at limit 1 for update skip locked""")
                .param(Timestamp.from(now)).query(this::row).optional();
    }

    String notificationPayload(UUID notificationId) {
        return jdbc.sql("select payload from notification where id = ?").param(notificationId)
                .query(String.class).single();
    }

    void recordAttempt(UUID deliveryId, DeliveryAttempt attempt) {
        jdbc.sql("""
                insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, http_status, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(deliveryId, attempt.attempt(), Timestamp.from(attempt.startedAt()), attempt.durationMs(),
                        attempt.outcome(), attempt.httpStatus(), attempt.detail())
                .update();
    }

    void update(UUID id, DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
        jdbc.sql("update delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ? where id = ?")
                .params(status.name(), attempts, Timestamp.from(nextAttemptAt), lastError,
                        sentAt == null ? null : Timestamp.from(sentAt), id)
                .update();
    }

    List<Delivery> search(DeliveryStatus status, UUID subscriptionId, Channel channel, int limit) {
        StringBuilder sql = new StringBuilder("select * from delivery where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (subscriptionId != null) {
            sql.append(" and subscription_id = ?");
            params.add(subscriptionId);
        }
        if (channel != null) {
            sql.append(" and channel = ?");
            params.add(channel.name());
        }
        sql.append(" order by created_at desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from delivery where id = ?").param(id).query(this::row).optional();
    }

    List<DeliveryAttempt> attempts(UUID deliveryId) {
        return jdbc.sql("select * from delivery_attempt where delivery_id = ? order by attempt").param(deliveryId)
                .query((rs, n) -> new DeliveryAttempt(rs.getInt("attempt"), rs.getTimestamp("started_at").toInstant(),
                        rs.getLong("duration_ms"), rs.getString("outcome"), (Integer) rs.getObject("http_status"),
                        rs.getString("detail")))
                .list();
    }

    Map<DeliveryStatus, Long> countByStatus() {
        return jdbc.sql("select status, count(*) as n from delivery group by status")
                .query((rs, n) -> Map.entry(DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Delivery row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp source = rs.getTimestamp("source_time");
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
                rs.getObject("notification_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("kind"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(),
                source == null ? null : source.toInstant());
    }
}
