package io.lodestone.alert;

import io.lodestone.testsupport.EmbeddedPostgresServer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh embedded PostgreSQL database with the service's schema, for tests of one component
 * without the whole application around it.
 */
public record TestDatabase(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {

    public static TestDatabase migrated(String prefix) {
        return migratedTo(prefix, "latest");
    }

    /** A database with the SQL migrations up to {@code version} only, as an earlier release left it. */
    public static TestDatabase migratedTo(String prefix, String version) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedPostgresServer.createDatabase(prefix),
                "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
        return new TestDatabase(dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Points a Spring Boot test at a fresh database of the shared embedded PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresServer.createDatabase(prefix));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /**
     * A webhook delivery of a sealed notification of a new subscription, in the given state.
     *
     * @param claimedUntil the lease of the instance sending it, or null
     */
    public UUID insertDelivery(String status, int attempts, Instant nextAttemptAt, Instant claimedUntil) {
        UUID subscription = insertSubscription();
        UUID notification = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, subscription_id, kind, status, due_at, created_at)
                values (?, ?, 'FIRING', 'SEALED', now(), now())""").params(notification, subscription).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into delivery (id, idempotency_key, notification_id, subscription_id, channel, kind, status,
                                      attempts, next_attempt_at, created_at, claimed_until)
                values (?, ?, ?, ?, 'WEBHOOK', 'FIRING', ?, ?, ?, ?, ?)""")
                .params(id, id.toString(), notification, subscription, status, attempts, Timestamp.from(nextAttemptAt),
                        Timestamp.from(nextAttemptAt), claimedUntil == null ? null : Timestamp.from(claimedUntil))
                .update();
        return id;
    }

    /** A subscription row, for the foreign keys of what tests insert. */
    public UUID insertSubscription() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into subscription (id, spec, created_at, updated_at) values (?, '{}'::jsonb, now(), now())")
                .param(id).update();
        return id;
    }
}
