package io.lodestone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The processes a launcher started (the broker, PostgreSQL, the services), written down in its
 * data folder as {@code processes.tsv}: role, process id and start time, one a line.
 * <p>
 * A launcher that ends without stopping its stack (killed with SIGKILL, its terminal closed, the
 * machine's out-of-memory killer) leaves its children running: they are processes of their own,
 * and PostgreSQL runs detached. The next launcher on the same data folder would then find every
 * port taken. Before it starts anything, it reads the ledger: if the launcher written there still
 * runs, it refuses to start a second stack on the same folder; otherwise it stops what that
 * launcher left running (the services first, then the broker, then PostgreSQL, each gently and
 * then by force), and says so. A process is only stopped when both its id and its start time are
 * the ones written down, so an id the system has given to another program since is left alone.
 * A stack stopped the normal way deletes its ledger.
 */
final class ProcessLedger {

    static final String FILE = "processes.tsv";
    static final String LAUNCHER = "launcher";
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One process: the role it has in the stack, its id, and when it started (to the second). */
    record Entry(String role, long pid, Instant started) {

        String line() {
            return role + "\t" + pid + "\t" + started;
        }

        static Optional<Entry> parse(String line) {
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(fields[0], Long.parseLong(fields[1]), Instant.parse(fields[2])));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        /** The process written down, if it still runs: same id and same start time. */
        Optional<ProcessHandle> running() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> startOf(handle).map(started::equals).orElse(false));
        }
    }

    private ProcessLedger(Path file) {
        this.file = file;
    }

    /** A ledger that writes nothing, for a {@link ServiceJvm} used without a stack. */
    static ProcessLedger none() {
        return new ProcessLedger(null);
    }

    /**
     * Stops what a launcher that ended without stopping its stack left running on {@code dataDir},
     * then starts this launcher's ledger there.
     *
     * @throws IllegalStateException when the launcher written in the ledger still runs
     */
    static ProcessLedger open(Path dataDir, Consumer<String> say) throws IOException {
        stopLeftovers(dataDir, say);
        Files.createDirectories(dataDir);
        ProcessLedger ledger = new ProcessLedger(dataDir.resolve(FILE));
        ledger.add(LAUNCHER, ProcessHandle.current());
        return ledger;
    }

    /**
     * Stops the processes a dead launcher left running on {@code dataDir} (nothing when there is
     * no ledger) and deletes its ledger.
     *
     * @throws IllegalStateException when the launcher written in the ledger still runs
     */
    static void stopLeftovers(Path dataDir, Consumer<String> say) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        List<Entry> left = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Entry.parse(line).ifPresent(left::add);
        }
        for (Entry entry : left) {
            if (entry.role().equals(LAUNCHER) && entry.pid() != ProcessHandle.current().pid()
                    && entry.running().isPresent()) {
                throw new IllegalStateException("another launcher (pid " + entry.pid() + ", started " + entry.started()
                        + ") is running a stack on " + dataDir + "; stop it first, or give this one its own LODESTONE_DATA");
            }
        }
        // the services before the broker and the database they use, as a normal stop does
        List<Entry> order = new ArrayList<>(left.stream().filter(e -> !isInfrastructure(e.role())).toList());
        left.stream().filter(e -> e.role().equals("kafka")).forEach(order::add);
        left.stream().filter(e -> e.role().equals("postgres")).forEach(order::add);
        for (Entry entry : order) {
            if (entry.role().equals(LAUNCHER)) {
                continue;
            }
            entry.running().ifPresent(process -> {
                say.accept("stopping " + entry.role() + " (pid " + entry.pid()
                        + "), left running by a launcher that ended without stopping it");
                stop(process);
            });
        }
        Files.deleteIfExists(file);
    }

    private static boolean isInfrastructure(String role) {
        return role.equals(LAUNCHER) || role.equals("kafka") || role.equals("postgres");
    }

    /** SIGTERM, then SIGKILL after a grace period, to the process and to whatever it started. */
    private static void stop(ProcessHandle process) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
        process.destroy();
        ChildProcess.exited(process, GRACE);
        // what still runs: the process itself after the grace period, and PostgreSQL's backends
        // if their postmaster had to be killed
        ChildProcess.killAll(tree);
    }

    /** When a process started, to the second (the platforms differ below that); empty where unknown. */
    static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant().map(start -> start.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Writes down (or replaces) the process that has {@code role} in the stack. */
    synchronized void add(String role, ProcessHandle process) {
        if (file == null) {
            return;
        }
        Optional<Instant> started = startOf(process);
        if (started.isEmpty()) {
            // without a start time it could never be told from another program with the same id
            return;
        }
        entries.put(role, new Entry(role, process.pid(), started.get()));
        write();
    }

    synchronized void remove(String role) {
        if (file != null && entries.remove(role) != null) {
            write();
        }
    }

    /** After a normal stop: nothing is left running. */
    synchronized void close() {
        if (file == null) {
            return;
        }
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e.getMessage());
        }
    }

    private void write() {
        try {
            Path next = file.resolveSibling(FILE + ".next");
            Files.write(next, entries.values().stream().map(Entry::line).toList(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
