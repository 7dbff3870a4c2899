package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is valid, every service reports health, every image tag is pinned, nothing is
 * published beyond this machine, and no secret has a default anyone could guess.
 */
class ComposeFileTest {

    private static final List<String> CONFIG = List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q");

    @Test
    void composeValidatesWithDockerCompose() {
        Tools.require("docker-compose");

        Tools.Result result = Tools.run(CONFIG, secretsSet());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LODESTONE_API_TOKEN", "LODESTONE_ALERT_SECRET_KEYS"})
    void composeRefusesToStartWithoutSecretsInsteadOfShippingGuessableDefaults(String missing) {
        Tools.require("docker-compose");
        Map<String, String> environment = new HashMap<>(secretsSet());
        environment.put(missing, null);

        Tools.Result result = Tools.run(CONFIG, environment);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains(missing);
    }

    @Test
    void publishedPortsAreReachableFromThisMachineOnly() throws IOException {
        services().forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports != null) {
                for (Object port : (List<?>) ports) {
                    assertThat(port.toString()).as("port of %s", name).startsWith("127.0.0.1:");
                }
            }
        });
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
    void everyServiceIsBuiltFromTheOneImageRecipeGivenItsModuleAndPort() throws IOException {
        for (String name : DockerfileTest.SERVICES) {
            Map<String, Object> service = services().get(name);
            Map<String, Object> build = asMap(service.get("build"));
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(build.getOrDefault("dockerfile", "Dockerfile")).isEqualTo("Dockerfile");
            Map<String, Object> args = asMap(build.get("args"));
            assertThat(args.get("SERVICE")).isEqualTo(name);
            assertThat(Tools.repositoryRoot().resolve(name).resolve("pom.xml")).as("module %s", name).exists();
            String published = String.valueOf(((List<?>) service.get("ports")).get(0));
            assertThat(published).as("port of %s", name).endsWith(":" + args.get("PORT"));
            assertThat(String.valueOf(service.get("image"))).startsWith("lodestone/" + name + ":");
        }
    }

    /** The image compose builds for a service, as {@code lodestone/<service>:<tag>}. */
    static String image(String service) throws IOException {
        return String.valueOf(services().get(service).get("image"));
    }

    @Test
    void everyDeadLetterTopicHasAsManyPartitionsAsItsSource() throws IOException {
        Map<String, Integer> partitions = createdTopics(String.valueOf(services().get("kafka-topics").get("command")));

        assertThat(partitions).containsKeys(Topics.all().stream().map(Topic::name).toArray(String[]::new));
        partitions.forEach((topic, count) -> {
            if (topic.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
                assertThat(count).as("partitions of %s", topic)
                        .isEqualTo(partitions.get(topic.substring(0, topic.length() - Topic.DEAD_LETTER_SUFFIX.length())));
            }
        });
    }

    /** Topic name to partitions, from the {@code create <topic> <partitions> [options]} lines of a script. */
    static Map<String, Integer> createdTopics(String script) {
        Map<String, Integer> partitions = new TreeMap<>();
        Matcher create = CREATE_TOPIC.matcher(script);
        while (create.find()) {
            partitions.put(create.group(1), Integer.parseInt(create.group(2)));
        }
        return partitions;
    }

    private static final Pattern CREATE_TOPIC = Pattern.compile("(?m)^\\s*create ([\\w.-]+) (\\d+)");

    private static Map<String, String> secretsSet() {
        return Map.of("LODESTONE_API_TOKEN", "a-token-for-validation-only",
                "LODESTONE_ALERT_SECRET_KEYS", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
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
