package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml is valid, every service reports health, and every image tag is pinned. */
class ComposeFileTest {

    @Test
    void composeValidatesWithDockerCompose() {
        Tools.require("docker-compose");

        Tools.Result result = Tools.run(List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyServiceHasAHealthCheck() throws IOException {
        services().forEach((name, service) ->
                assertThat(service).as("service %s has a healthcheck", name).containsKey("healthcheck"));
    }

    @Test
    void everyImageTagIsPinned() throws IOException {
        services().forEach((name, service) -> {
            Object image = service.get("image");
            assertThat(image).as("service %s names an image (built ones name their tag)", name).isNotNull();
            String reference = image.toString();
            String tag = reference.contains(":") ? reference.substring(reference.lastIndexOf(':') + 1) : "";
            assertThat(tag).as("tag of %s (%s)", name, reference).isNotBlank().isNotEqualTo("latest")
                    .matches(".*\\d.*");
        });
    }

    @Test
    void lodestoneServicesAreBuiltFromTheirOwnDockerfiles() throws IOException {
        for (String name : List.of("news-ingest-service", "risk-scoring-service", "alert-service")) {
            Map<String, Object> build = asMap(services().get(name).get("build"));
            assertThat(build.get("dockerfile")).isEqualTo(name + "/Dockerfile");
            String dockerfile = Files.readString(Tools.repositoryRoot().resolve(name).resolve("Dockerfile"));
            assertThat(dockerfile).contains("USER 10001").doesNotContain(":latest");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(Tools.repositoryRoot().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
