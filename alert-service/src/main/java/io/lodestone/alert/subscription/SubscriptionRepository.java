package io.lodestone.alert.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions in PostgreSQL; the spec is one JSON document per row. */
@Repository
public class SubscriptionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SubscriptionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Subscription subscription) {
        jdbc.sql("insert into subscription (id, spec, created_at, updated_at) values (?, cast(? as jsonb), ?, ?)")
                .params(subscription.id(), json.writeValueAsString(subscription.spec()),
                        Timestamp.from(subscription.createdAt()), Timestamp.from(subscription.updatedAt()))
                .update();
    }

    boolean update(UUID id, SubscriptionSpec spec, Instant now) {
        return jdbc.sql("update subscription set spec = cast(? as jsonb), updated_at = ? where id = ? and deleted_at is null")
                .params(json.writeValueAsString(spec), Timestamp.from(now), id)
                .update() == 1;
    }

    boolean markDeleted(UUID id, Instant now) {
        return jdbc.sql("update subscription set deleted_at = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(now), id)
                .update() == 1;
    }

    /** A live subscription. */
    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from subscription where id = ? and deleted_at is null").param(id).query(this::row).optional();
    }

    /** A subscription even if deleted: what pending deliveries and the history need. */
    public Optional<Subscription> findIncludingDeleted(UUID id) {
        return jdbc.sql("select * from subscription where id = ?").param(id).query(this::row).optional();
    }

    public List<Subscription> findAll() {
        return jdbc.sql("select * from subscription where deleted_at is null order by created_at, id").query(this::row).list();
    }

    /** The live subscriptions that watch an element, directly or through a group. */
    public List<Subscription> watching(String element) {
        return findAll().stream().filter(s -> s.spec().watches(element)).toList();
    }

    private Subscription row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Subscription(rs.getObject("id", UUID.class),
                json.readValue(rs.getString("spec"), SubscriptionSpec.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }
}
