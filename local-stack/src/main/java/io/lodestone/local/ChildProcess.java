package io.lodestone.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A JVM child process (the broker or a service) whose output goes to a log file, which is waited
 * on until ready, and which is stopped gently (SIGTERM, then a kill after a grace period).
 */
final class ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Instant started = Instant.now();
    private volatile Duration readyAfter;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log);
    }

    /** The java launcher of the JVM running this program, so children use the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** From the process's start to its first ready answer; empty until it was ready. */
    Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    /** CPU time the process has used so far (user and system), where the platform reports it. */
    Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Resident memory of the process in KiB, or -1 where it cannot be read. */
    long residentKib() {
        return residentKib(process.pid());
    }

    /**
     * Resident memory of any process in KiB: from /proc on Linux (no child process needed), else
     * from {@code ps}, which macOS and the BSDs have; -1 where neither answers.
     */
    static long residentKib(long pid) {
        long fromProc = residentKibFromProc(pid);
        return fromProc >= 0 ? fromProc : residentKibFromPs(pid);
    }

    static long residentKibFromProc(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long residentKibFromPs(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).redirectErrorStream(true).start();
            String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!ps.waitFor(10, TimeUnit.SECONDS) || ps.exitValue() != 0) {
                return -1;
            }
            return Long.parseLong(output);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until {@code ready} holds, failing early and clearly if the process dies first. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " while starting; see " + log);
            }
            if (ready.getAsBoolean()) {
                readyAfter = Duration.between(started, Instant.now());
                return;
            }
            // often enough that the start-up time reported (and the launcher's own wait) is not
            // mostly the polling; a refused connection costs next to nothing
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + "s; see " + log);
    }

    /** Readiness through the actuator's readiness probe. */
    void awaitHttpReady(int port, Duration timeout) {
        awaitReady(() -> httpOk("http://127.0.0.1:" + port + "/actuator/health/readiness"), timeout);
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended; empty while it runs. */
    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /**
     * Ends the process at once, without a chance to clean up (SIGKILL on Linux): what a crash, an
     * out-of-memory kill or a pulled plug looks like to the rest of the system.
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 20 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    void stop() {
        stop(Duration.ofSeconds(20));
    }

    /**
     * SIGKILL to each of {@code processes} still running (a process and what it started: a killed
     * parent does not take its children with it), waiting up to 20 s for each to end.
     */
    static void killAll(List<ProcessHandle> processes) {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> exited(process, Duration.ofSeconds(20)));
    }

    /** Whether the process ended within {@code within}. */
    static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Asks the process to stop (SIGTERM, so it shuts down gracefully), and kills it after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
