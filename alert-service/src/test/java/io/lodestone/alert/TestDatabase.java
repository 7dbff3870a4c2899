package io.lodestone.alert;

import io.lodestone.testsupport.EmbeddedPostgresServer;
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
        DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedPostgresServer.createDatabase(prefix),
                "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new TestDatabase(dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Points a Spring Boot test at a fresh database of the shared embedded PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresServer.createDatabase(prefix));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** A subscription row, for the foreign keys of what tests insert. */
    public UUID insertSubscription() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into subscription (id, spec, created_at, updated_at) values (?, '{}'::jsonb, now(), now())")
                .param(id).update();
        return id;
    }
}
