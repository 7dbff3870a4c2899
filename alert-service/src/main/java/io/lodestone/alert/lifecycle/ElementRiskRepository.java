package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The latest risk per element that this service has acted on. */
@Repository
public class ElementRiskRepository {

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
        return jdbc.sql("""
                insert into element_risk (element, score, level, as_of, received_at, record)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (element) do update
                set score = excluded.score, level = excluded.level, as_of = excluded.as_of,
                    received_at = excluded.received_at, record = excluded.record
                where element_risk.as_of <= excluded.as_of""")
                .params(risk.element(), risk.score(), risk.level().name(), Timestamp.from(risk.asOf()),
                        Timestamp.from(receivedAt), json.writeValueAsString(risk))
                .update() == 1;
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
