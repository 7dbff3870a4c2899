package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher itself crashes: {@code ./run-local.sh}'s JVM is killed with SIGKILL (a closed
 * terminal, the out-of-memory killer), so its shutdown hook never stops the stack. The broker,
 * PostgreSQL and the services keep running without it. Started again on the same data folder, the
 * launcher stops what the dead one left and brings up a stack that works; stopped with Ctrl-C
 * (SIGTERM), it leaves nothing running.
 */
class LauncherCrashTest {

    // the first stack of a build also makes the class-data archives: one training start per service
    private static final Duration STARTUP = Duration.ofMinutes(8);

    private final Path data = Path.of(System.getProperty("java.io.tmpdir"), "stack-" + UUID.randomUUID());
    private final Map<String, String> env = new HashMap<>();
    private Process first;
    private Process second;

    @AfterEach
    void leaveNothingRunning() throws IOException {
        for (Process launcher : new Process[] {first, second}) {
            if (launcher != null) {
                launcher.destroyForcibly();
            }
        }
        // whatever a failed run left behind, the ledger names it
        ProcessLedger.stopLeftovers(data, line -> { });
    }

    @Test
    void aLauncherKilledWithSigkillLeavesAStackTheNextLauncherStopsAndReplaces() throws Exception {
        env.putAll(StackFixture.environment(data));
        int ingest = Integer.parseInt(env.get("LODESTONE_INGEST_PORT"));
        int alert = Integer.parseInt(env.get("LODESTONE_ALERT_PORT"));

        first = launch("first.out");
        awaitRunning(first, "first.out");
        List<ProcessLedger.Entry> leftBehind = ledger();
        assertThat(leftBehind).extracting(ProcessLedger.Entry::role)
                .contains("launcher", "kafka", "postgres", "news-ingest-service", "risk-scoring-service", "alert-service");

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // what a killed launcher leaves: its whole stack, still serving, with nobody to stop it
        assertThat(ready(ingest)).as("news-ingest-service outlives the killed launcher").isTrue();

        second = launch("second.out");
        awaitRunning(second, "second.out");
        String said = output("second.out");
        for (ProcessLedger.Entry entry : leftBehind) {
            if (!entry.role().equals(ProcessLedger.LAUNCHER)) {
                assertThat(said).contains("stopping " + entry.role() + " (pid " + entry.pid()
                        + "), left running by a launcher that ended without stopping it");
                assertThat(entry.running()).as(entry.role() + " of the killed launcher").isEmpty();
            }
        }
        assertThat(ready(ingest)).isTrue();
        assertThat(ready(alert)).as("alert-service on the restarted PostgreSQL").isTrue();

        List<ProcessLedger.Entry> running = ledger();
        second.destroy();
        assertThat(second.waitFor(2, TimeUnit.MINUTES)).as("the launcher stops on SIGTERM").isTrue();
        for (ProcessLedger.Entry entry : running) {
            assertThat(entry.running()).as(entry.role() + " after a normal stop").isEmpty();
        }
        assertThat(data.resolve(ProcessLedger.FILE)).as("a stack stopped the normal way leaves no ledger").doesNotExist();
    }

    private Process launch(String output) throws IOException {
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-" + output).toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String output(String name) throws IOException {
        Path file = data.resolveSibling(data.getFileName() + "-" + name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Until the launcher says the stack runs; fails with its output if it ends first. */
    private void awaitRunning(Process launcher, String name) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (output(name).contains("Lodestone is running.")) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher ended (exit " + launcher.exitValue() + "):\n" + output(name));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the stack was not running within " + STARTUP + ":\n" + output(name));
    }

    private List<ProcessLedger.Entry> ledger() throws IOException {
        return Files.readAllLines(data.resolve(ProcessLedger.FILE), StandardCharsets.UTF_8).stream()
                .map(ProcessLedger.Entry::parse).flatMap(Optional::stream).toList();
    }

    private static boolean ready(int port) {
        return ChildProcess.httpOk("http://127.0.0.1:" + port + "/actuator/health/readiness");
    }
}
