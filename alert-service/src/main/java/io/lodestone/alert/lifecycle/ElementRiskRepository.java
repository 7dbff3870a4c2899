package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest risk per element that this service has acted on. */
@Repository
class ElementRiskRepository {

    private final JdbcClient jdbc;

    ElementRiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the change as the element's current risk unless a later one is already recorded.
     *
     * @return false for a stale record (an older {@code asOf} than the one acted on), which must be ignored
     */
    boolean advance(ElementRiskChanged risk, Instant receivedAt) {
        return jdbc.sql("""
                insert into element_risk (element, score, level, as_of, received_at) values (?, ?, ?, ?, ?)
                on conflict (element) do update
                set score = excluded.score, level = excluded.level, as_of = excluded.as_of, received_at = excluded.received_at
                where element_risk.as_of <= excluded.as_of""")
                .params(risk.element(), risk.score(), risk.level().name(), Timestamp.from(risk.asOf()),
                        Timestamp.from(receivedAt))
                .update() == 1;
    }
}
