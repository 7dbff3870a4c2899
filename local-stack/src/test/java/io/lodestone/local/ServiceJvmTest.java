package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service starts from a class-data archive made from its current build: the first start after
 * a build trains one (a real start against the broker, stopped once ready), later starts use it,
 * and a rebuilt jar or other JVM options start from the jar again until trained anew.
 */
class ServiceJvmTest {

    private static final Path BUILT = Path.of("..", "risk-scoring-service", "target", "risk-scoring-service.jar");
    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    @Test
    void aTrainedBuildStartsFromItsArchiveUntilTheJarIsRebuilt(@TempDir Path target) throws Exception {
        // Given a built service jar that has never been trained
        assumeTrue(Files.exists(BUILT), "risk-scoring-service is built (./mvnw package)");
        Path jar = Files.createLink(target.resolve("risk-scoring-service.jar"), BUILT.toAbsolutePath());
        ServiceJvm jvm = new ServiceJvm("risk-scoring-service", jar, OPTIONS);
        assertThat(jvm.trained()).isFalse();
        assertThat(jvm.command()).containsSequence("-jar", jar.toString()).noneMatch(arg -> arg.contains("SharedArchiveFile"));

        // When it is prepared against a running broker
        int port = LoneBroker.freePort();
        String outcome;
        Map<String, String> env;
        try (LoneBroker broker = LoneBroker.start(target.resolve("kafka"))) {
            env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(), "SERVER_PORT", String.valueOf(port),
                    "RISK_STATE_DIR", target.resolve("state").toString(), "LODESTONE_API_TOKEN", "training");
            outcome = jvm.prepare(env);
        }

        // Then it starts from the extracted jar with an archive the JVM accepts (-Xshare:on refuses to start otherwise)
        assertThat(outcome).endsWith("class-data archive made");
        assertThat(jvm.trained()).isTrue();
        List<String> command = jvm.command();
        assertThat(command).anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=" + target.resolve("run")))
                .containsSequence("-jar", target.resolve("run").resolve("app.jar").toString());
        assertThat(exitCodeOf(command, env)).as("a start on the archive alone").isZero();
        // And the archive holds what the start loads after the context is refreshed: the stream threads started then
        assertThat(archivedClasses(command)).contains("org.apache.kafka.streams.processor.internals.StreamThread app_loader");

        // And a rebuilt jar, or other JVM options, start from the jar again
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(jvm.trained()).isFalse();
        assertThat(jvm.command()).containsSequence("-jar", jar.toString());
        Files.setLastModifiedTime(jar, Files.getLastModifiedTime(BUILT));
        assertThat(new ServiceJvm("risk-scoring-service", jar, List.of("-Xmx256m")).trained()).isFalse();
    }

    /** The archive's list of classes, as the JVM prints it for the command's archive and class path. */
    private static String archivedClasses(List<String> command) throws IOException, InterruptedException {
        List<String> print = new ArrayList<>(command);
        print.add(print.indexOf("-jar"), "-XX:+PrintSharedArchiveAndExit");
        Process process = new ProcessBuilder(print).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /** Runs the command up to the refreshed application context, refusing to run without the archive. */
    private static int exitCodeOf(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        List<String> strict = new ArrayList<>(command);
        strict.remove("-Xshare:auto");
        int jar = strict.indexOf("-jar");
        strict.addAll(jar, List.of("-Xshare:on", "-Dspring.context.exit=onRefresh"));
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
