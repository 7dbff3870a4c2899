package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every overlay with {@code kubectl kustomize} (offline) and checks the invariants an
 * operator relies on, on the rendered objects rather than on the source files.
 */
class KubernetesOverlaysTest {

    private static final List<String> SERVICES = List.of("news-ingest-service", "risk-scoring-service", "alert-service");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential).*");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadHasSeparateProbesAndResourceBounds(String overlay) {
        for (Map<String, Object> workload : workloads(render(overlay))) {
            for (Map<String, Object> container : containers(workload)) {
                String name = name(workload) + "/" + container.get("name");
                assertThat(container).as("%s probes", name).containsKeys("livenessProbe", "readinessProbe");
                assertThat(map(container, "resources")).as("%s resources", name).containsKeys("requests", "limits");
                assertThat(String.valueOf(container.get("image"))).as("%s image is pinned", name)
                        .matches(".+:[^:]*\\d[^:]*").doesNotEndWith(":latest");
                if (SERVICES.contains(name(workload))) {
                    assertThat(path(map(container, "livenessProbe"))).isEqualTo("/actuator/health/liveness");
                    assertThat(path(map(container, "readinessProbe"))).isEqualTo("/actuator/health/readiness");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsComeFromSecretsNeverFromConfigMaps(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))).forEach(configMap ->
                map(configMap, "data").keySet().forEach(key -> assertThat(key)
                        .as("ConfigMap %s holds %s", name(configMap), key).doesNotMatch(SECRET_NAME)));
        for (Map<String, Object> workload : workloads(objects)) {
            for (Map<String, Object> container : containers(workload)) {
                for (Map<String, Object> env : list(container, "env")) {
                    if (SECRET_NAME.matcher(String.valueOf(env.get("name"))).matches()) {
                        assertThat(env).as("%s env %s", name(workload), env.get("name")).doesNotContainKey("value");
                        assertThat(map(map(env, "valueFrom"), "secretKeyRef")).isNotEmpty();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetAndScoringKeepsItsState(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        for (String service : SERVICES) {
            assertThat(objects).as("PodDisruptionBudget for %s", service)
                    .anyMatch(o -> "PodDisruptionBudget".equals(o.get("kind")) && service.equals(name(o)));
        }
        Map<String, Object> scoring = objects.stream()
                .filter(o -> "StatefulSet".equals(o.get("kind")) && "risk-scoring-service".equals(name(o)))
                .findFirst().orElseThrow();
        assertThat(list(map(scoring, "spec"), "volumeClaimTemplates")).isNotEmpty();
    }

    @Test
    void prodRunsKafkaWithStrimziAndScalesConsumersOnLag() {
        List<Map<String, Object>> objects = render("prod");

        assertThat(objects).anyMatch(o -> "Kafka".equals(o.get("kind")) && "kafka.strimzi.io/v1beta2".equals(o.get("apiVersion")));
        for (Topic<String, ?> topic : Topics.all()) {
            Map<String, Object> kafkaTopic = objects.stream()
                    .filter(o -> "KafkaTopic".equals(o.get("kind")) && topic.name().equals(name(o)))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic.name()));
            Object cleanup = map(map(kafkaTopic, "spec"), "config").get("cleanup.policy");
            assertThat(Objects.equals(cleanup, "compact")).as("%s compacted", topic.name()).isEqualTo(topic.compacted());
            assertThat(objects).anyMatch(o -> "KafkaTopic".equals(o.get("kind")) && topic.deadLetterTopic().equals(name(o)));
        }
        for (String consumer : List.of("risk-scoring-service", "alert-service")) {
            Map<String, Object> scaled = objects.stream()
                    .filter(o -> "ScaledObject".equals(o.get("kind")) && consumer.equals(name(o)))
                    .findFirst().orElseThrow(() -> new AssertionError("no ScaledObject for " + consumer));
            assertThat(list(map(scaled, "spec"), "triggers")).extracting(t -> t.get("type")).containsExactly("kafka");
        }
    }

    private static List<Map<String, Object>> render(String overlay) {
        Tools.require("kubectl");
        Tools.Result result = Tools.run(List.of("kubectl", "kustomize", "k8s/overlays/" + overlay));
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(result.output())) {
            if (document != null) {
                objects.add(cast(document));
            }
        }
        return objects;
    }

    private static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> List.of("Deployment", "StatefulSet").contains(o.get("kind"))).toList();
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(map(map(map(workload, "spec"), "template"), "spec"), "containers");
    }

    private static String path(Map<String, Object> probe) {
        return String.valueOf(map(probe, "httpGet").get("path"));
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
