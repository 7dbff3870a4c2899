package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One image recipe builds every service: the root Dockerfile, given the service's module. Its image
 * keeps third-party jars in their own layer, ahead of the service's code, so a code change rebuilds
 * and pushes only a small layer; it runs as a non-root user; its base images are pinned. There is
 * no Docker engine in the build, so these checks read the file (docker-compose and the Kubernetes
 * checks verify that both build and run the images this file makes).
 */
class DockerfileTest {

    static final List<String> SERVICES = List.of("news-ingest-service", "risk-scoring-service", "alert-service");

    @Test
    void oneRecipeAtTheRootBuildsEveryServiceAndNoModuleKeepsItsOwn() throws IOException {
        assertThat(Tools.repositoryRoot().resolve("Dockerfile")).exists();
        try (Stream<java.nio.file.Path> modules = Files.list(Tools.repositoryRoot())) {
            assertThat(modules.filter(Files::isDirectory).map(dir -> dir.resolve("Dockerfile")).filter(Files::exists))
                    .as("per-module Dockerfiles").isEmpty();
        }
        List<String> build = stages().get(0);
        assertThat(build).anyMatch(line -> line.startsWith("ARG SERVICE"));
        assertThat(build).anyMatch(line -> line.contains("-pl \"$SERVICE\" -am") && line.contains("package"));
    }

    @Test
    void thirdPartyJarsAreACachedLayerBelowTheServicesOwnCode() {
        List<String> build = stages().get(0);
        List<String> run = stages().get(1);

        assertThat(build).as("the Maven repository outlives a build")
                .anyMatch(line -> line.startsWith("RUN --mount=type=cache,target=/root/.m2"));
        assertThat(build).as("the jar is split into Spring Boot's layers")
                .anyMatch(line -> line.contains("-Djarmode=tools") && line.contains("extract --layers"));
        List<String> copied = run.stream().filter(line -> line.startsWith("COPY --from=build /layers/"))
                .map(line -> line.split("\\s+")[2]).toList();
        assertThat(copied).containsExactly("/layers/dependencies/", "/layers/spring-boot-loader/",
                "/layers/snapshot-dependencies/", "/layers/application/");
    }

    @Test
    void theServiceRunsAsANonRootUser() {
        List<String> run = stages().get(1);
        List<String> users = run.stream().filter(line -> line.startsWith("USER ")).toList();

        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0];
        assertThat(user).isNotIn("0", "root").matches("\\d+");
        int lastUser = run.lastIndexOf(users.get(users.size() - 1));
        assertThat(run.subList(lastUser, run.size())).as("nothing after USER runs as root")
                .noneMatch(line -> line.startsWith("RUN ") || line.startsWith("USER 0") || line.startsWith("USER root"));
    }

    @Test
    void theServiceStartsWithTheSharedJvmOptionsAndAClassDataArchiveTrainedAtBuildTime() {
        List<String> run = stages().get(1);

        assertThat(run).contains("COPY --from=build /src/" + JVM_OPTIONS + " /app/jvm.options");
        String training = run.stream().filter(line -> line.contains("-XX:ArchiveClassesAtExit=/app/app.jsa"))
                .findFirst().orElseThrow(() -> new AssertionError("no training start"));
        assertThat(training).contains("java @/app/jvm.options").contains("-Dspring.context.exit=onRefresh")
                .contains("-jar /app/app.jar");
        assertThat(run.indexOf(training)).as("trained before the image drops to its user")
                .isLessThan(run.indexOf(run.stream().filter(line -> line.startsWith("USER ")).findFirst().orElseThrow()));
        assertThat(run.get(run.size() - 1)).isEqualTo("ENTRYPOINT [\"java\", \"@/app/jvm.options\", "
                + "\"-XX:SharedArchiveFile=/app/app.jsa\", \"-Xshare:auto\", \"-jar\", \"/app/app.jar\"]");
    }

    @Test
    void theJvmAcceptsTheSharedOptionsFile() {
        Tools.Result result = Tools.run(List.of(java(), "@" + JVM_OPTIONS, "-version"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("Unrecognized").doesNotContain("Error");
    }

    private static final String JVM_OPTIONS = "ops/jvm/services.options";

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void baseImagesArePinned() {
        for (List<String> stage : stages()) {
            String image = stage.get(0).split("\\s+")[1];
            assertThat(image).as("base image").matches(".+:[^:]*\\d[^:]*").doesNotEndWith(":latest");
        }
    }

    /** The instructions of each stage (continuation lines joined, comments dropped), FROM first. */
    static List<List<String>> stages() {
        List<List<String>> stages = new ArrayList<>();
        for (String instruction : instructions()) {
            if (instruction.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).add(instruction);
            }
        }
        assertThat(stages).as("a build stage and a run stage").hasSize(2);
        return stages;
    }

    private static List<String> instructions() {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Tools.repositoryRoot().resolve("Dockerfile"))) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                    continue;
                }
                boolean continues = trimmed.endsWith("\\");
                current.append(continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed).append(' ');
                if (!continues) {
                    instructions.add(current.toString().strip().replaceAll("\\s+", " "));
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the Dockerfile", e);
        }
        return instructions;
    }
}
