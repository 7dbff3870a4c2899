package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL is a real server: SQL goes over JDBC and comes back. */
class EmbeddedPostgresServerTest {

    @Test
    void storesAndReturnsRowsInAFreshDatabase() throws SQLException {
        String url = EmbeddedPostgresServer.createDatabase("kit_check");

        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE subscription (id text PRIMARY KEY, elements text[] NOT NULL)");
            statement.execute("INSERT INTO subscription VALUES ('magnets', ARRAY['Nd','Pr','Dy','Tb'])");

            try (ResultSet rows = statement.executeQuery(
                    "SELECT cardinality(elements), version() FROM subscription WHERE id = 'magnets'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(4);
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void databasesAreIsolatedFromEachOther() throws SQLException {
        String first = EmbeddedPostgresServer.createDatabase("kit_isolation");
        String second = EmbeddedPostgresServer.createDatabase("kit_isolation");

        try (Connection a = DriverManager.getConnection(first, "postgres", "postgres");
             Statement statement = a.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection b = DriverManager.getConnection(second, "postgres", "postgres");
             ResultSet tables = b.getMetaData().getTables(null, "public", "only_in_first", null)) {
            assertThat(tables.next()).isFalse();
        }
    }
}
