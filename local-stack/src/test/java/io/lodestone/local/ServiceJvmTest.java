package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service starts from a class-data archive made from its current build: the first start after
 * a build trains one (a real start against the broker, stopped once ready), later starts use it,
 * and a rebuilt jar or other JVM options start from the jar again until trained anew. On JDK 25
 * and newer the archive is an ahead-of-time cache.
 */
class ServiceJvmTest {

    private static final Path BUILT = Path.of("..", "risk-scoring-service", "target", "risk-scoring-service.jar");
    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
    /** Where JDKs are installed: Debian's and Temurin's packages, and macOS. */
    private static final List<Path> JDK_HOMES = List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"));

    @Test
    void aTrainedBuildStartsFromItsArchiveUntilTheJarIsRebuilt(@TempDir Path target) throws Exception {
        trainAndStart(target, ChildProcess.java(), Runtime.version().feature());
    }

    @Test
    void onJdk25TheArchiveIsAnAheadOfTimeCache(@TempDir Path target) throws Exception {
        // Given a JDK 25 or newer beside the one the tests run on (Temurin's on this kind of machine)
        Optional<Path> jdk = jdk25OrNewer();
        assumeTrue(jdk.isPresent(), "a JDK 25 or newer is installed (" + JDK_HOMES + ")");
        trainAndStart(target, jdk.get().resolve("bin").resolve("java").toString(), ServiceJvm.featureOf(jdk.get()));
    }

    private static void trainAndStart(Path target, String java, int feature) throws Exception {
        // Given a built service jar that has never been trained
        assumeTrue(Files.exists(BUILT), "risk-scoring-service is built (./mvnw package)");
        Path jar = Files.createLink(target.resolve("risk-scoring-service.jar"), BUILT.toAbsolutePath());
        ServiceJvm jvm = new ServiceJvm("risk-scoring-service", jar, OPTIONS, java);
        boolean aotCache = feature >= 25;
        String archiveOption = aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(jvm.trained()).isFalse();
        assertThat(jvm.command()).startsWith(java).containsSequence("-jar", jar.toString())
                .noneMatch(arg -> arg.startsWith(archiveOption));

        // When it is prepared against a running broker
        int port = FreePorts.next();
        String outcome;
        Map<String, String> env;
        try (LoneBroker broker = LoneBroker.start(target.resolve("kafka"))) {
            env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(), "SERVER_PORT", String.valueOf(port),
                    "RISK_STATE_DIR", target.resolve("state").toString(), "LODESTONE_API_TOKEN", "training");
            outcome = jvm.prepare(env, ProcessLedger.none());
            // And a trained start finds RocksDB's library where the extraction put it: its state
            // stores open without RocksDB copying the library into the temporary folder
            Path tmp = Files.createDirectories(target.resolve("tmp"));
            List<String> started = new ArrayList<>(jvm.command());
            started.add(started.indexOf("-jar"), "-Djava.io.tmpdir=" + tmp);
            assertThat(started).contains("-Djava.library.path=" + target.resolve("run").resolve("native"));
            ChildProcess service = ChildProcess.start("risk-scoring-service", started, env, target.resolve("started.log"));
            try {
                service.awaitHttpReady(port, Duration.ofSeconds(300));
                await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(target.resolve("started.log"))
                        .contains("State transition from REBALANCING to RUNNING"));
                // (looked at while it runs: RocksDB deletes its copy when the JVM exits normally)
                try (Stream<Path> state = Files.walk(target.resolve("state"))) {
                    assertThat(state).as("a RocksDB store was opened").anyMatch(path -> path.getFileName().toString().equals("rocksdb"));
                }
                try (Stream<Path> copied = Files.list(tmp)) {
                    assertThat(copied.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("librocksdbjni"));
                }
            } finally {
                service.stop(Duration.ofSeconds(60));
            }
            try (Stream<Path> extracted = Files.list(target.resolve("run").resolve("native"))) {
                assertThat(extracted.map(file -> file.getFileName().toString())).singleElement()
                        .satisfies(name -> assertThat(name).startsWith("librocksdbjni"));
            }
        }

        // Then it starts from the extracted jar with an archive the JVM accepts (-Xshare:on and
        // -XX:AOTMode=on refuse to start without a usable one)
        assertThat(outcome).endsWith("class-data archive made");
        assertThat(jvm.trained()).isTrue();
        List<String> command = jvm.command();
        assertThat(command).startsWith(java).anyMatch(arg -> arg.startsWith(archiveOption + target.resolve("run")))
                .containsSequence("-jar", target.resolve("run").resolve("app.jar").toString());
        assertThat(exitCodeOf(command, env, aotCache ? "-XX:AOTMode=on" : "-Xshare:on"))
                .as("a start on the archive alone").isZero();
        // And the archive holds what the start loads after the context is refreshed: the stream threads started then
        assertThat(archivedClasses(command, aotCache)).contains("org.apache.kafka.streams.processor.internals.StreamThread app_loader");

        // And a rebuilt jar, or other JVM options, start from the jar again
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(jvm.trained()).isFalse();
        assertThat(jvm.command()).containsSequence("-jar", jar.toString());
        Files.setLastModifiedTime(jar, Files.getLastModifiedTime(BUILT));
        assertThat(new ServiceJvm("risk-scoring-service", jar, List.of("-Xmx256m"), java).trained()).isFalse();
    }

    private static Optional<Path> jdk25OrNewer() throws IOException {
        for (Path homes : JDK_HOMES) {
            if (!Files.isDirectory(homes)) {
                continue;
            }
            try (Stream<Path> jdks = Files.list(homes)) {
                Optional<Path> found = jdks.map(jdk -> Files.isDirectory(jdk.resolve("Contents/Home")) ? jdk.resolve("Contents/Home") : jdk)
                        .filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")) && ServiceJvm.featureOf(jdk) >= 25)
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The archive's list of classes, as the JVM prints it for the command's archive and class path
     * (an ahead-of-time cache is printed as a class-data archive is, named by {@code -XX:SharedArchiveFile}).
     */
    private static String archivedClasses(List<String> command, boolean aotCache) throws IOException, InterruptedException {
        List<String> print = new ArrayList<>(command);
        if (aotCache) {
            print.replaceAll(arg -> arg.startsWith("-XX:AOTCache=") ? arg.replace("-XX:AOTCache=", "-XX:SharedArchiveFile=") : arg);
        }
        print.add(print.indexOf("-jar"), "-XX:+PrintSharedArchiveAndExit");
        Process process = new ProcessBuilder(print).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /** Runs the command up to the refreshed application context, refusing to run without the archive. */
    private static int exitCodeOf(List<String> command, Map<String, String> env, String strictOption)
            throws IOException, InterruptedException {
        List<String> strict = new ArrayList<>(command);
        strict.remove("-Xshare:auto");
        int jar = strict.indexOf("-jar");
        strict.addAll(jar, List.of(strictOption, "-Dspring.context.exit=onRefresh"));
        ProcessBuilder builder = new ProcessBuilder(strict).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
