package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's PostgreSQL keeps what it commits: the embedded library starts a test database
 * (its -F turns fsync off, and synchronous commit is off), and a crash of PostgreSQL then lost alert
 * evaluations whose risk records' offsets the alert service had already committed.
 */
class DatabaseDurabilityTest {

    @Test
    void theLocalDatabaseSyncsWhatItCommits(@TempDir Path home) throws Exception {
        int port = FreePorts.next();
        StackSettings settings = StackSettings.from(List.of(), Map.of("LODESTONE_HOME", home.toString(),
                "LODESTONE_POSTGRES_PORT", Integer.toString(port)));
        Database database = new Database(settings);
        database.start();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lodestone",
                "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        } finally {
            database.stop();
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
