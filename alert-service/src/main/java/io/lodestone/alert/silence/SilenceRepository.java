package io.lodestone.alert.silence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SilenceRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SilenceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Silence silence) {
        jdbc.sql("""
                insert into silence (id, elements, groups, subscription_id, starts_at, ends_at, comment, created_by, created_at)
                values (?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?)""")
                .params(silence.id(), json.writeValueAsString(silence.elements()), json.writeValueAsString(silence.groups()),
                        silence.subscriptionId(), Timestamp.from(silence.startsAt()), Timestamp.from(silence.endsAt()),
                        silence.comment(), silence.createdBy(), Timestamp.from(silence.createdAt()))
                .update();
    }

    /** Deletes up to {@code limit} silences that ended before {@code cutoff}, the longest ended first. */
    int pruneEndedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from silence
                where id in (select id from silence where ends_at < ? order by ends_at limit ?)""")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }

    /** Silences not yet over at {@code now}, including those that start later. */
    List<Silence> notEndedAt(Instant now) {
        return jdbc.sql("select * from silence where ends_at > ? order by starts_at").param(Timestamp.from(now))
                .query(this::row).list();
    }

    /** The silences in force at {@code now}: started, not ended (those set to start later are not read). */
    List<Silence> activeAt(Instant now) {
        return jdbc.sql("select * from silence where starts_at <= ? and ends_at > ?")
                .params(Timestamp.from(now), Timestamp.from(now)).query(this::row).list();
    }

    List<Silence> all(int limit) {
        return jdbc.sql("select * from silence order by created_at desc limit ?").param(limit).query(this::row).list();
    }

    /** Ends a silence now; false when there is no such silence or it has already ended. */
    boolean expire(UUID id, Instant now) {
        return jdbc.sql("update silence set ends_at = ? where id = ? and ends_at > ?")
                .params(Timestamp.from(now), id, Timestamp.from(now)).update() == 1;
    }

    private Silence row(ResultSet rs, int rowNum) throws SQLException {
        return new Silence(rs.getObject("id", UUID.class),
                json.readValue(rs.getString("elements"), new TypeReference<>() { }),
                json.readValue(rs.getString("groups"), new TypeReference<>() { }),
                rs.getObject("subscription_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("comment"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
