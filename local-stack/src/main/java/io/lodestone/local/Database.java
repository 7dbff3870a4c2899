package io.lodestone.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the binaries Maven fetched, with its data folder kept between
 * runs, and the {@code lodestone} database created on first start.
 */
final class Database {

    private final StackSettings settings;
    private EmbeddedPostgres postgres;

    Database(StackSettings settings) {
        this.settings = settings;
    }

    synchronized void start() throws IOException, SQLException {
        Path data = settings.dataDir().resolve("postgres");
        Files.createDirectories(data);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setOverrideWorkingDirectory(settings.dataDir().resolve("postgres-bin").toFile())
                // the library starts a test database (its -F turns fsync off, and synchronous commit is off): a crash
                // of PostgreSQL lost alert evaluations whose risk records' offsets were already committed
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'lodestone'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE lodestone");
                }
            }
        }
    }

    /**
     * The server's main process (the postmaster), from the lock file PostgreSQL keeps in its data
     * folder; empty when it is not running or the file cannot be read.
     */
    Optional<ProcessHandle> postmaster() {
        try {
            List<String> lock = Files.readAllLines(settings.dataDir().resolve("postgres").resolve("postmaster.pid"));
            return lock.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lock.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and to every backend, so nothing
     * is flushed or shut down cleanly; {@link #start()} then recovers from the write-ahead log.
     */
    synchronized void kill() {
        postmaster().ifPresent(postmaster ->
                ChildProcess.killAll(Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList()));
        // releases the folder's lock; stopping a server that is gone only logs an error
        stop();
    }

    /** Stops the server; {@link #start()} brings it back on the same data folder and port. */
    synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }
}
