package io.lodestone.alert;

import io.lodestone.service.api.LimitReachedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caps of {@link AlertProperties.Limits} on how many subscriptions, active silences and bills of
 * materials are kept. Checked inside the transaction that creates one, under a transaction-scoped
 * advisory lock per kind, so creates racing on several instances cannot together pass the cap.
 */
@Component
public class Caps {

    private final JdbcClient jdbc;

    Caps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for other creates of the same kind to commit, then counts.
     *
     * @param things   what is counted, as a person reads it ("subscriptions")
     * @param limit    the cap in force
     * @param property the property that sets it ({@code lodestone.alert.limits.max-subscriptions})
     * @param count    SQL counting what exists now, with its parameters
     * @throws LimitReachedException when there are {@code limit} already
     */
    public void requireRoom(String things, int limit, String property, String count, Object... params) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("lodestone.cap." + things).query().listOfRows();
        long existing = jdbc.sql(count).params(params).query(Long.class).single();
        if (existing >= limit) {
            throw new LimitReachedException(things, limit, property);
        }
    }
}
