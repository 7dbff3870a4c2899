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
 * a build trains one (without a broker, as in an image build), later starts use it, and a rebuilt
 * jar or other JVM options start from the jar again until trained anew.
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

        // When it is prepared with no broker to reach
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9",
                "RISK_STATE_DIR", target.resolve("state").toString(), "LODESTONE_API_TOKEN", "training");
        String outcome = jvm.prepare(env);

        // Then it starts from the extracted jar with an archive the JVM accepts (-Xshare:on refuses to start otherwise)
        assertThat(outcome).endsWith("class-data archive made");
        assertThat(jvm.trained()).isTrue();
        List<String> command = jvm.command();
        assertThat(command).anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=" + target.resolve("run")))
                .containsSequence("-jar", target.resolve("run").resolve("app.jar").toString());
        assertThat(exitCodeOf(command, env)).as("a start on the archive alone").isZero();

        // And a rebuilt jar, or other JVM options, start from the jar again
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(jvm.trained()).isFalse();
        assertThat(jvm.command()).containsSequence("-jar", jar.toString());
        Files.setLastModifiedTime(jar, Files.getLastModifiedTime(BUILT));
        assertThat(new ServiceJvm("risk-scoring-service", jar, List.of("-Xmx256m")).trained()).isFalse();
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
