package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRepository.class);

    /** The outcome of an attempt cut off before its outcome was recorded. */
    static final String INTERRUPTED = "INTERRUPTED";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance until {@code leaseUntil}, in one
     * short statement: rows another instance holds (locked now, or leased and not yet expired) are
     * skipped. The claim is committed before anything is sent. A subscription's deliveries on one
     * channel go one at a time, its earliest due first: sixty webhooks of one client to a receiver
     * that never answers (and their growing backlog) then hold sixty sends in turn, not every sender
     * ahead of everyone else's email, which is claimed in the same batch.
     */
    List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        return claimDue(now, limit, leaseUntil, Integer.MAX_VALUE);
    }

    /** As {@link #claimDue(Instant, int, Instant)}; a send cut off at its last allowed attempt makes the delivery DEAD. */
    List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil, int maxAttempts) {
        int interrupted = recordInterrupted(now, Duration.between(now, leaseUntil), maxAttempts);
        if (interrupted > 0) {
            log.warn("{} deliveries' claims ran out before their outcome was recorded (an instance stopped or lost "
                    + "the database mid-send); each is recorded as an INTERRUPTED attempt and sent again", interrupted);
        }
        return jdbc.sql("""
                update delivery set claimed_until = ?
                where id in (select d.id from delivery d
                             where d.id in (select distinct on (subscription_id, channel) id from delivery
                                            where status = 'PENDING' and next_attempt_at <= ?
                                              and (claimed_until is null or claimed_until <= ?)
                                            order by subscription_id, channel, next_attempt_at)
                               and not exists (select 1 from delivery busy
                                               where busy.subscription_id = d.subscription_id
                                                 and busy.channel = d.channel and busy.status = 'PENDING'
                                                 and busy.claimed_until > ?)
                               -- checked again on the row locked: a claim committed meanwhile is seen here
                               and d.status = 'PENDING' and d.next_attempt_at <= ?
                               and (d.claimed_until is null or d.claimed_until <= ?)
                             order by d.next_attempt_at limit ? for update skip locked)
                returning *""")
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now), Timestamp.from(now), limit)
                .query(this::row).list().stream()
                .sorted(java.util.Comparator.comparing(Delivery::nextAttemptAt))
                .toList();
    }

    /**
     * Records, as an attempt of its own, every send whose claim ran out without an outcome: the
     * instance sending it died (or lost the database) after it may have reached the receiver. The
     * next claimer sends it again under the same id as the next attempt, so the history shows the
     * receiver's two calls, not one. (After a kill -9 mid-send, a receiver had two calls and the
     * history one attempt.)
     */
    private int recordInterrupted(Instant now, Duration lease, int maxAttempts) {
        return jdbc.sql("""
                with interrupted as (
                    update delivery d set attempts = d.attempts + 1, claimed_until = null,
                                          status = case when d.attempts + 1 >= ? then 'DEAD' else d.status end,
                                          last_error = case when d.attempts + 1 >= ? then ? else d.last_error end
                    from (select id, claimed_until from delivery
                          where status = 'PENDING' and claimed_until <= ? for update skip locked) old
                    where d.id = old.id
                    returning d.id, d.attempts, old.claimed_until)
                insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, http_status, detail)
                select id, attempts, claimed_until - make_interval(secs => ?), 0, ?, null, ? from interrupted
                on conflict do nothing""")
                .params(maxAttempts, maxAttempts, "its last attempt was cut off before its outcome was recorded",
                        Timestamp.from(now), lease.toMillis() / 1000.0, INTERRUPTED,
                        "the instance sending it stopped, or lost the database, before recording an outcome; "
                                + "the receiver may have had it")
                .update();
    }

    /**
     * Cancels every delivery of a deleted subscription that is not sent yet (pending, leased or not,
     * failed or dead), recording the action: deleting a subscription is how an operator stops what
     * it floods. A send in flight finishes, but its outcome no longer changes the delivery.
     *
     * @return how many were cancelled
     */
    int cancelAllOf(UUID subscriptionId, Instant now, String reason) {
        return jdbc.sql("""
                with cancelled as (
                    update delivery d set status = 'CANCELLED', claimed_until = null
                    from (select id, status from delivery where subscription_id = ?
                          and status in ('PENDING', 'FAILED', 'DEAD') order by id for update) old
                    where d.id = old.id
                    returning d.id, old.status)
                insert into delivery_action (delivery_id, action, acted_at, from_status, reason)
                select id, ?, ?, status, ? from cancelled""")
                .params(subscriptionId, DeliveryAction.CANCEL.name(), Timestamp.from(now), reason)
                .update();
    }

    /** Gives a claimed delivery back without an attempt, due again at {@code nextAttemptAt}. */
    void release(UUID id, int attempts, Instant nextAttemptAt) {
        jdbc.sql("""
                update delivery set claimed_until = null, next_attempt_at = ?
                where id = ? and status = 'PENDING' and attempts = ?""")
                .params(Timestamp.from(nextAttemptAt), id, attempts).update();
    }

    String notificationPayload(UUID notificationId) {
        return jdbc.sql("select payload from notification where id = ?").param(notificationId)
                .query(String.class).single();
    }

    /**
     * Records an attempt and what it means for the delivery, if the delivery is still where the
     * claim found it (pending, after {@code attempt - 1} attempts): an instance whose lease ran
     * out while it was sending does not overwrite what the next claimer recorded.
     *
     * @return whether it was recorded
     */
    boolean recordAttempt(UUID id, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt,
                          String lastError, Instant sentAt) {
        int updated = jdbc.sql("""
                update delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?,
                                    claimed_until = null
                where id = ? and status = 'PENDING' and attempts = ?""")
                .params(status.name(), attempt.attempt(), Timestamp.from(nextAttemptAt), lastError,
                        sentAt == null ? null : Timestamp.from(sentAt), id, attempt.attempt() - 1)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                insert into delivery_attempt (delivery_id, attempt, started_at, duration_ms, outcome, http_status, detail)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, attempt.attempt(), Timestamp.from(attempt.startedAt()), attempt.durationMs(),
                        attempt.outcome(), attempt.httpStatus(), attempt.detail())
                .update();
        return true;
    }

    /**
     * Deletes up to {@code limit} deliveries sent before the cutoff, with their attempts.
     *
     * @return how many deliveries were deleted
     */
    int pruneSentBefore(Instant cutoff, int limit) {
        // one statement: the attempts go with their deliveries (the foreign key is checked at its end)
        return jdbc.sql("""
                with doomed as (select id from delivery where status = 'SENT' and sent_at < ?
                                order by sent_at limit ? for update skip locked),
                     attempts as (delete from delivery_attempt where delivery_id in (select id from doomed)),
                     actions as (delete from delivery_action where delivery_id in (select id from doomed))
                delete from delivery where id in (select id from doomed)""")
                .params(Timestamp.from(cutoff), limit).update();
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

    /**
     * Makes a dead or failed delivery due now again, keeping its id (so its webhook-id) and its
     * attempt log, and records the action.
     *
     * @return whether the delivery was dead or failed and is now pending
     */
    boolean resend(UUID id, Instant now, String reason) {
        return act(id, DeliveryAction.RESEND, now, reason, """
                update delivery d set status = 'PENDING', next_attempt_at = ?, claimed_until = null
                from (select id, status from delivery where id = ? for update) old
                where d.id = old.id and old.status in ('DEAD', 'FAILED')
                returning old.status""", Timestamp.from(now), id);
    }

    /**
     * Cancels a dead, failed, or pending delivery that no instance is sending right now (its lease,
     * if any, has run out), and records the action.
     *
     * @return whether the delivery is now cancelled
     */
    boolean cancel(UUID id, Instant now, String reason) {
        return act(id, DeliveryAction.CANCEL, now, reason, """
                update delivery d set status = 'CANCELLED', claimed_until = null
                from (select id, status, claimed_until from delivery where id = ? for update) old
                where d.id = old.id and (old.status in ('DEAD', 'FAILED')
                      or (old.status = 'PENDING' and (old.claimed_until is null or old.claimed_until <= ?)))
                returning old.status""", id, Timestamp.from(now));
    }

    private boolean act(UUID id, DeliveryAction action, Instant now, String reason, String update, Object... params) {
        // "old" is the row as it was before the update (locked), so the history names the status acted on
        Optional<String> from = jdbc.sql(update).params(params).query(String.class).optional();
        from.ifPresent(status -> jdbc.sql("""
                insert into delivery_action (delivery_id, action, acted_at, from_status, reason) values (?, ?, ?, ?, ?)""")
                .params(id, action.name(), Timestamp.from(now), status, reason).update());
        return from.isPresent();
    }

    List<DeliveryActionRecord> actions(UUID deliveryId) {
        return jdbc.sql("select * from delivery_action where delivery_id = ? order by seq").param(deliveryId)
                .query((rs, n) -> new DeliveryActionRecord(DeliveryAction.valueOf(rs.getString("action")),
                        rs.getTimestamp("acted_at").toInstant(), DeliveryStatus.valueOf(rs.getString("from_status")),
                        rs.getString("reason")))
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
