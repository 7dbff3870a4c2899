package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next launcher does with a ledger a launcher left behind, on real processes ({@code sleep}
 * and {@code sh}, which Linux and macOS both have) standing in for the broker and the services.
 */
class ProcessLedgerTest {

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();
    private final List<String> said = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Test
    void whatADeadLauncherLeftRunningIsStoppedAndTheLedgerDeleted() throws Exception {
        Process launcher = sleep();
        Process service = sleep();
        Process broker = sleep();
        write(entry(ProcessLedger.LAUNCHER, launcher), entry("news-ingest-service", service), entry("kafka", broker));
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        ProcessLedger.stopLeftovers(data, said::add);

        assertThat(service.waitFor(10, TimeUnit.SECONDS)).as("the service left running is stopped").isTrue();
        assertThat(broker.waitFor(10, TimeUnit.SECONDS)).as("the broker left running is stopped").isTrue();
        assertThat(said).containsExactly(
                "stopping news-ingest-service (pid " + service.pid() + "), left running by a launcher that ended without stopping it",
                "stopping kafka (pid " + broker.pid() + "), left running by a launcher that ended without stopping it");
        assertThat(data.resolve(ProcessLedger.FILE)).doesNotExist();
    }

    @Test
    void aProcessWhoseIdWasGivenToAnotherProgramIsLeftAlone() throws Exception {
        Process other = sleep();
        Instant started = ProcessLedger.startOf(other.toHandle()).orElseThrow();
        write(new ProcessLedger.Entry("alert-service", other.pid(), started.minus(Duration.ofHours(3))));

        ProcessLedger.stopLeftovers(data, said::add);

        assertThat(other.isAlive()).as("same id, another start time: not the service written down").isTrue();
        assertThat(said).isEmpty();
        assertThat(data.resolve(ProcessLedger.FILE)).doesNotExist();
    }

    @Test
    void aLauncherStillRunningOnTheFolderIsNotStartedTwice() throws Exception {
        Process launcher = sleep();
        Process service = sleep();
        write(entry(ProcessLedger.LAUNCHER, launcher), entry("alert-service", service));

        assertThatThrownBy(() -> ProcessLedger.stopLeftovers(data, said::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another launcher (pid " + launcher.pid())
                .hasMessageContaining("LODESTONE_DATA");
        assertThat(service.isAlive()).as("nothing of the running stack is touched").isTrue();
        assertThat(data.resolve(ProcessLedger.FILE)).exists();
    }

    @Test
    void whatAProcessLeftRunningStartedIsStoppedWithIt() throws Exception {
        Process launcher = sleep();
        // a parent that leaves a child behind when it ends, as a postmaster killed by force leaves its backends
        Process parent = start("sh", "-c", "sleep 300 & wait");
        ProcessHandle child = awaitChild(parent);
        write(entry(ProcessLedger.LAUNCHER, launcher), entry("postgres", parent));
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        ProcessLedger.stopLeftovers(data, said::add);

        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the child it started").isFalse();
    }

    @Test
    void aStackStoppedTheNormalWayLeavesNoLedger() throws Exception {
        ProcessLedger ledger = ProcessLedger.open(data, said::add);
        Process service = sleep();
        ledger.add("risk-scoring-service", service.toHandle());

        assertThat(Files.readAllLines(data.resolve(ProcessLedger.FILE))).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("launcher\t" + ProcessHandle.current().pid() + "\t"))
                .anySatisfy(line -> assertThat(line).startsWith("risk-scoring-service\t" + service.pid() + "\t"));
        ledger.close();

        assertThat(data.resolve(ProcessLedger.FILE)).doesNotExist();
    }

    @Test
    void anUnreadableLedgerLineIsSkipped() throws Exception {
        Process service = sleep();
        Files.writeString(data.resolve(ProcessLedger.FILE), "garbage\n" + entry("alert-service", service).line() + "\n",
                StandardCharsets.UTF_8);

        ProcessLedger.stopLeftovers(data, said::add);

        assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private Process sleep() throws IOException {
        return start("sleep", "300");
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sh started no child");
    }

    private static ProcessLedger.Entry entry(String role, Process process) {
        return new ProcessLedger.Entry(role, process.pid(), ProcessLedger.startOf(process.toHandle()).orElseThrow());
    }

    private void write(ProcessLedger.Entry... entries) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ProcessLedger.Entry entry : entries) {
            lines.add(entry.line());
        }
        Files.write(data.resolve(ProcessLedger.FILE), lines, StandardCharsets.UTF_8);
    }
}
