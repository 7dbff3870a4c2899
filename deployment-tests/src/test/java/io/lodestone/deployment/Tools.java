package io.lodestone.deployment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external validators (kubectl, docker-compose, promtool). On a developer machine
 * without one of them, the test that needs it is skipped with the reason; in CI ({@code CI=true}),
 * where {@code .ci/run} installs them, a missing tool is a failure.
 */
final class Tools {

    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("docker-compose.yml").toFile().exists()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static void require(String tool) {
        boolean present = run(List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(tool + " is not installed; .ci/run must install it");
        }
        assumeTrue(present, tool + " is not installed; skipping the check that needs it");
    }

    static Result run(List<String> command) {
        return run(command, Map.of());
    }

    /**
     * Runs a command with changes to this process's environment: a {@code null} value removes the
     * variable, so a check can prove what happens when a setting is missing.
     */
    static Result run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(repositoryRoot().toFile())
                    .redirectErrorStream(true);
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
