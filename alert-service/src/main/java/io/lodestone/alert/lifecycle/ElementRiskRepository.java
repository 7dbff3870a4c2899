package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest risk per element that this service has acted on, and every change before it (the
 * history the console charts). The only class that reads or writes those two tables.
 */
@Repository
public class ElementRiskRepository {

    /** One point of an element's risk history. */
    public record RiskPoint(Instant asOf, double score, RiskLevel level) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ElementRiskRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records the change as the element's current risk unless a later one is already recorded.
     *
     * @return false for a stale record (an older {@code asOf} than the one acted on), which must be ignored
     */
    boolean advance(ElementRiskChanged risk, Instant receivedAt) {
        String record = json.writeValueAsString(risk);
        boolean advanced = jdbc.sql("""
                insert into element_risk (element, score, level, as_of, received_at, record)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (element) do update
                set score = excluded.score, level = excluded.level, as_of = excluded.as_of,
                    received_at = excluded.received_at, record = excluded.record
                where element_risk.as_of <= excluded.as_of""")
                .params(risk.element(), risk.score(), risk.level().name(), Timestamp.from(risk.asOf()),
                        Timestamp.from(receivedAt), record)
                .update() == 1;
        if (advanced) {
            jdbc.sql("""
                    insert into element_risk_history (element, as_of, score, level, received_at, record)
                    values (?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (element, as_of) do nothing""")
                    .params(risk.element(), Timestamp.from(risk.asOf()), risk.score(), risk.level().name(),
                            Timestamp.from(receivedAt), record)
                    .update();
        }
        return advanced;
    }

    /**
     * Deletes up to {@code limit} history points older than {@code cutoff}, never an element's latest
     * point: the score an element has stood at since then is what the board's trend compares with.
     *
     * @return how many were deleted
     */
    int pruneHistoryBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from element_risk_history
                where (element, as_of) in (
                    select old.element, old.as_of from element_risk_history old
                    where old.as_of < ? and exists (select 1 from element_risk_history newer
                                                    where newer.element = old.element and newer.as_of > old.as_of)
                    order by old.as_of limit ?)""")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }

    /** The latest risk change of one element, if it has one. */
    public Optional<ElementRiskChanged> latest(String element) {
        return latest(List.of(element)).stream().findFirst();
    }

    /** An element's risk changes with an {@code asOf} at or after {@code since}, oldest first. */
    public List<RiskPoint> history(String element, Instant since) {
        return jdbc.sql("""
                select as_of, score, level from element_risk_history
                where element = ? and as_of >= ? order by as_of""")
                .params(element, Timestamp.from(since))
                .query((rs, n) -> new RiskPoint(rs.getTimestamp("as_of").toInstant(), rs.getDouble("score"),
                        RiskLevel.valueOf(rs.getString("level"))))
                .list();
    }

    /** An element's score as it stood at {@code at}: its last change at or before then, if any. */
    public Optional<Double> scoreAt(String element, Instant at) {
        return jdbc.sql("""
                select score from element_risk_history
                where element = ? and as_of <= ? order by as_of desc limit 1""")
                .params(element, Timestamp.from(at))
                .query(Double.class)
                .optional();
    }

    /** An element's latest {@code limit} risk changes, oldest first, as the points of a chart. */
    public List<RiskPoint> latestPoints(String element, int limit) {
        List<RiskPoint> points = new ArrayList<>(jdbc.sql("""
                select as_of, score, level from element_risk_history
                where element = ? order by as_of desc limit ?""")
                .params(element, limit)
                .query((rs, n) -> new RiskPoint(rs.getTimestamp("as_of").toInstant(), rs.getDouble("score"),
                        RiskLevel.valueOf(rs.getString("level"))))
                .list());
        Collections.reverse(points);
        return points;
    }

    /** An event that contributed to an element's risk, at its event time; its title cut to a chart label. */
    public record ContributingEvent(String eventId, Instant publishedAt, String title, double contribution) {
    }

    /**
     * The dated events that contributed to any of an element's latest {@code changes} risk changes,
     * each once, in the order they first contributed, at most {@code limit} of them (the latest), their titles
     * cut to {@code titleLength} characters. Read in the database, so a history of large records
     * is never held in memory.
     */
    public List<ContributingEvent> contributingEvents(String element, int changes, int limit, int titleLength) {
        List<ContributingEvent> events = new ArrayList<>(jdbc.sql("""
                select event_id, published_at, title, contribution from (
                    select distinct on (e.contributor->>'eventId') e.contributor->>'eventId' as event_id,
                           (e.contributor->>'publishedAt')::timestamptz as published_at,
                           left(e.contributor->>'title', ?) as title,
                           (e.contributor->>'contribution')::float8 as contribution, h.as_of, e.n
                    from (select as_of, record from element_risk_history where element = ?
                          order by as_of desc limit ?) h,
                         jsonb_array_elements(h.record->'contributors') with ordinality as e(contributor, n)
                    -- the contract bounds no contributor's date: one PostgreSQL cannot read is left out
                    where e.contributor->>'publishedAt' ~ '^[12][0-9]{3}-[0-9]{2}-[0-9]{2}T'
                      and e.contributor->>'eventId' is not null
                    order by e.contributor->>'eventId', h.as_of, e.n) firsts
                order by as_of desc, n desc limit ?""")
                .params(titleLength, element, changes, limit)
                .query((rs, n) -> new ContributingEvent(rs.getString("event_id"),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("title"), rs.getDouble("contribution")))
                .list());
        Collections.reverse(events);
        return events;
    }

    /** The latest risk change of each of these elements that has one. */
    public List<ElementRiskChanged> latest(Collection<String> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select record from element_risk where element in (:elements) and record is not null")
                .param("elements", elements)
                .query((rs, n) -> json.readValue(rs.getString("record"), ElementRiskChanged.class))
                .list();
    }
}
