package io.lodestone.alert.lifecycle;

import io.lodestone.events.Contributor;
import io.lodestone.events.RiskLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alerts in PostgreSQL: the current state and the whole history. */
@Repository
public class AlertRepository {

    private static final TypeReference<List<Contributor>> CONTRIBUTORS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The firing alert of a subscription for an element, locked for this transaction. */
    Optional<Alert> findFiringForUpdate(UUID subscriptionId, String element) {
        return jdbc.sql("select * from alert where subscription_id = ? and element = ? and state = 'FIRING' for update")
                .params(subscriptionId, element).query(this::row).optional();
    }

    /**
     * The firing alerts of a subscription, locked in the order of their ids, as {@link #markNotified}
     * locks them: two transactions that lock alerts in opposite orders deadlock.
     */
    List<Alert> firingOf(UUID subscriptionId) {
        return jdbc.sql("select * from alert where subscription_id = ? and state = 'FIRING' order by id for update")
                .param(subscriptionId).query(this::row).list();
    }

    /**
     * Inserts a firing alert unless the subscription already has one for the element (another
     * transaction fired it first).
     *
     * @return whether it was inserted
     */
    boolean insertFiring(Alert alert) {
        return jdbc.sql("""
                insert into alert (id, subscription_id, element, state, level, score, previous_level, previous_score,
                                   from_level, peak_level, evidence, fired_at, resolved_at, transition_at, silenced,
                                   last_notified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (subscription_id, element) where state = 'FIRING' do nothing""")
                .params(alert.id(), alert.subscriptionId(), alert.element(), alert.state().name(), alert.level().name(),
                        alert.score(), name(alert.previousLevel()), alert.previousScore(), name(alert.fromLevel()),
                        alert.peakLevel().name(), json.writeValueAsString(alert.evidence()), ts(alert.firedAt()),
                        ts(alert.resolvedAt()), ts(alert.transitionAt()), alert.silenced(), ts(alert.lastNotifiedAt()))
                .update() == 1;
    }

    /** Writes everything that a risk change can move; identity and firing time never change. */
    void update(Alert alert) {
        jdbc.sql("""
                update alert set state = ?, level = ?, score = ?, previous_level = ?, previous_score = ?, peak_level = ?,
                                 evidence = cast(? as jsonb), resolved_at = ?, transition_at = ?, silenced = ?
                where id = ?""")
                .params(alert.state().name(), alert.level().name(), alert.score(), name(alert.previousLevel()),
                        alert.previousScore(), alert.peakLevel().name(), json.writeValueAsString(alert.evidence()),
                        ts(alert.resolvedAt()), ts(alert.transitionAt()), alert.silenced(), alert.id())
                .update();
    }

    public List<Alert> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from alert where id in (:ids) order by element").param("ids", ids)
                .query(this::row).list();
    }

    public void markNotified(Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    update alert set last_notified_at = :at
                    where id in (select id from alert where id in (:ids) order by id for update)""")
                    .param("at", ts(at)).param("ids", ids).update();
        }
    }

    /**
     * Firing alerts of live subscriptions that no open notification holds yet and that may be due at
     * {@code now}: never notified, or notified at least their subscription's repeat interval ago and
     * with none of the subscription's deliveries still pending (a receiver that never answers would
     * otherwise gather a repeat every interval, each waiting behind the last).
     * The sweep runs every second; reading every firing alert each time (tens of thousands, with
     * their evidence) cost seconds and hundreds of megabytes a pass.
     */
    public List<Alert> firingAndNotQueued(Instant now) {
        return jdbc.sql("""
                select a.* from alert a join subscription s on s.id = a.subscription_id
                where a.state = 'FIRING' and s.deleted_at is null
                  and (a.last_notified_at is null
                       or a.last_notified_at + coalesce((s.spec->>'repeatInterval')::interval, interval '0') <= ?)
                  and not exists (select 1 from notification_alert na join notification n on n.id = na.notification_id
                                  where na.alert_id = a.id and n.status = 'OPEN')
                  and (a.last_notified_at is null
                       or not exists (select 1 from delivery d where d.subscription_id = a.subscription_id
                                      and d.status = 'PENDING'))""")
                .param(Timestamp.from(now))
                .query(this::row).list();
    }

    List<Alert> search(AlertQuery query) {
        StringBuilder sql = new StringBuilder("select * from alert where true");
        List<Object> params = new ArrayList<>();
        if (query.element() != null) {
            sql.append(" and element = ?");
            params.add(query.element());
        }
        if (query.subscriptionId() != null) {
            sql.append(" and subscription_id = ?");
            params.add(query.subscriptionId());
        }
        if (query.state() != null) {
            sql.append(" and state = ?");
            params.add(query.state().name());
        }
        if (query.since() != null) {
            sql.append(" and coalesce(resolved_at, fired_at) >= ?");
            params.add(ts(query.since()));
        }
        if (query.until() != null) {
            sql.append(" and fired_at < ?");
            params.add(ts(query.until()));
        }
        sql.append(" order by fired_at desc, element limit ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("select * from alert where id = ?").param(id).query(this::row).optional();
    }

    private Alert row(ResultSet rs, int rowNum) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("element"), AlertState.valueOf(rs.getString("state")), level(rs.getString("level")),
                rs.getDouble("score"), level(rs.getString("previous_level")), (Double) rs.getObject("previous_score"),
                level(rs.getString("from_level")), level(rs.getString("peak_level")),
                json.readValue(rs.getString("evidence"), CONTRIBUTORS), instant(rs.getTimestamp("fired_at")),
                instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("transition_at")),
                rs.getBoolean("silenced"), instant(rs.getTimestamp("last_notified_at")));
    }

    private static RiskLevel level(String name) {
        return name == null ? null : RiskLevel.valueOf(name);
    }

    private static String name(RiskLevel level) {
        return level == null ? null : level.name();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
