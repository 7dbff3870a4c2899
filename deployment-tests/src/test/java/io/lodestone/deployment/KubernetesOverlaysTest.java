package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

    /**
     * Probes and scrapes reach a management port the Service does not expose: the service listens
     * there because its ConfigMap says so, and the probes and the scrape annotation name it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndMetricsAreOnAManagementPortTheServiceDoesNotExpose(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        for (Map<String, Object> workload : workloads(objects)) {
            String service = name(workload);
            if (!SERVICES.contains(service)) {
                continue;
            }
            Map<String, Object> container = containers(workload).get(0);
            Object managementPort = list(container, "ports").stream().filter(port -> "management".equals(port.get("name")))
                    .map(port -> port.get("containerPort")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no port named management"));
            Map<String, Object> config = objects.stream()
                    .filter(o -> "ConfigMap".equals(o.get("kind")) && String.valueOf(name(o)).startsWith(service))
                    .findFirst().orElseThrow();
            assertThat(map(config, "data").get("MANAGEMENT_SERVER_PORT")).as("%s listens there", service)
                    .isEqualTo(String.valueOf(managementPort));
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(map(map(container, probe), "httpGet").get("port")).as("%s %s", service, probe)
                        .isEqualTo("management");
            }
            assertThat(map(map(map(map(workload, "spec"), "template"), "metadata"), "annotations")
                    .get("prometheus.io/port")).isEqualTo(String.valueOf(managementPort));
            Map<String, Object> exposed = objects.stream()
                    .filter(o -> "Service".equals(o.get("kind")) && service.equals(name(o))).findFirst().orElseThrow();
            assertThat(list(map(exposed, "spec"), "ports")).as("%s's Service", service)
                    .noneMatch(port -> "management".equals(port.get("targetPort")) || managementPort.equals(port.get("port"))
                            || managementPort.equals(port.get("targetPort")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsTheImageThatComposeBuildsFromTheOneRecipe(String overlay) throws IOException {
        for (Map<String, Object> workload : workloads(render(overlay))) {
            if (SERVICES.contains(name(workload))) {
                assertThat(containers(workload).get(0).get("image")).as("image of %s in %s", name(workload), overlay)
                        .isEqualTo(ComposeFileTest.image(name(workload)));
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
            boolean hasReader = WRITERS.containsKey(topic.deadLetterTopic());
            assertThat(objects).as("KafkaTopic %s exists exactly when a consumer writes it", topic.deadLetterTopic())
                    .matches(all -> all.stream().anyMatch(o -> "KafkaTopic".equals(o.get("kind"))
                            && topic.deadLetterTopic().equals(name(o))) == hasReader);
        }
        for (String consumer : List.of("risk-scoring-service", "alert-service")) {
            Map<String, Object> scaled = objects.stream()
                    .filter(o -> "ScaledObject".equals(o.get("kind")) && consumer.equals(name(o)))
                    .findFirst().orElseThrow(() -> new AssertionError("no ScaledObject for " + consumer));
            assertThat(list(map(scaled, "spec"), "triggers")).extracting(t -> t.get("type")).containsExactly("kafka");
        }
    }

    /**
     * Prod creates topics ahead (the services may not create them), so every internal topic
     * news-ingest-service binds in its application.yml must be a KafkaTopic there, compacted
     * exactly when the binding asks the binder for a compacted topic.
     */
    @Test
    void prodCreatesEveryInternalTopicNewsIngestBindsAsItsBindingExpects() throws IOException {
        Map<String, Object> stream;
        try (InputStream in = Files.newInputStream(Tools.repositoryRoot()
                .resolve("news-ingest-service/src/main/resources/application.yml"))) {
            stream = map(map(map(cast(new Yaml().load(in)), "spring"), "cloud"), "stream");
        }
        Map<String, Object> kafkaBindings = map(map(stream, "kafka"), "bindings");
        List<Map<String, Object>> objects = render("prod");
        map(stream, "bindings").forEach((binding, value) -> {
            String topic = String.valueOf(cast(value).get("destination"));
            if (!topic.startsWith("news-ingest-service")) {
                return;
            }
            Map<String, Object> kafkaTopic = objects.stream()
                    .filter(o -> "KafkaTopic".equals(o.get("kind")) && topic.equals(name(o)))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic + " (binding " + binding + ")"));
            Map<String, Object> side = map(kafkaBindings, binding);
            Object wanted = map(map(map(side, side.containsKey("producer") ? "producer" : "consumer"), "topic"),
                    "properties").get("cleanup.policy");
            assertThat(map(map(kafkaTopic, "spec"), "config").get("cleanup.policy")).as("cleanup.policy of %s", topic)
                    .isEqualTo(wanted);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeadLetterTopicHasAsManyPartitionsAsItsSourceAndAWriter(String overlay) {
        Map<String, Integer> partitions = topicPartitions(render(overlay));

        assertThat(partitions).as("topics created ahead in %s", overlay)
                .containsKeys(Topics.all().stream().map(Topic::name).toArray(String[]::new));
        partitions.forEach((topic, count) -> {
            if (topic.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
                String source = topic.substring(0, topic.length() - Topic.DEAD_LETTER_SUFFIX.length());
                assertThat(count).as("partitions of %s (a record is dead-lettered to the partition it came from)", topic)
                        .isEqualTo(partitions.get(source));
                assertThat(WRITERS.containsKey(topic) || source.startsWith("news-ingest-service."))
                        .as("%s has a writer", topic).isTrue();
            }
        });
    }

    @Test
    void prodKeepsThreeCopiesOfEveryTopicAndNeedsTwoInSyncToAcceptAWrite() {
        List<Map<String, Object>> objects = render("prod");
        Map<String, Object> config = map(map(map(objects.stream().filter(o -> "Kafka".equals(o.get("kind")))
                .findFirst().orElseThrow(), "spec"), "kafka"), "config");

        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertThat(((Number) config.get(key)).intValue()).as(key).isGreaterThanOrEqualTo(3);
        }
        for (String key : List.of("min.insync.replicas", "transaction.state.log.min.isr")) {
            assertThat(((Number) config.get(key)).intValue()).as(key).isEqualTo(2);
        }
        objects.stream().filter(o -> "KafkaTopic".equals(o.get("kind"))).forEach(topic -> {
            Map<String, Object> spec = map(topic, "spec");
            assertThat(((Number) spec.get("replicas")).intValue()).as("replicas of %s", name(topic)).isGreaterThanOrEqualTo(3);
            Object minInSync = map(spec, "config").get("min.insync.replicas");
            assertThat(minInSync == null ? 2 : ((Number) minInSync).intValue()).as("min.insync.replicas of %s", name(topic))
                    .isEqualTo(2);
        });
    }

    @Test
    void prodAlertsWithTheOperatorsRulesAndScrapesEveryService() throws IOException {
        List<Map<String, Object>> objects = render("prod");

        Map<String, Object> rule = objects.stream().filter(o -> "PrometheusRule".equals(o.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no PrometheusRule in prod"));
        assertThat(map(rule, "spec").get("groups")).as("PrometheusRule groups equal %s (the one source of truth)",
                OpsFilesTest.RULES).isEqualTo(OpsFilesTest.yaml(OpsFilesTest.RULES).get("groups"));

        Map<String, Object> monitor = objects.stream().filter(o -> "PodMonitor".equals(o.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no PodMonitor in prod"));
        Map<String, Object> spec = map(monitor, "spec");
        assertThat(list(map(spec, "selector"), "matchExpressions").get(0).get("values")).isEqualTo(SERVICES);
        Map<String, Object> endpoint = list(spec, "podMetricsEndpoints").get(0);
        assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
        assertThat(list(endpoint, "relabelings")).anySatisfy(relabel -> {
            assertThat(relabel.get("targetLabel")).isEqualTo("application");
            assertThat(relabel.get("sourceLabels")).isEqualTo(List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name"));
        });
        for (Map<String, Object> workload : workloads(objects)) {
            if (SERVICES.contains(name(workload))) {
                assertThat(list(containers(workload).get(0), "ports")).as("%s has the scraped port", name(workload))
                        .anyMatch(port -> endpoint.get("port").equals(port.get("name")));
            }
        }
    }

    /**
     * Partitions per topic as the overlay creates them: Strimzi {@code KafkaTopic} resources, or
     * the {@code create <topic> <partitions>} lines of the {@code kafka-topics} Job.
     */
    @Test
    void prodExportsBrokerMetricsAndConsumerLagToPrometheus() {
        List<Map<String, Object>> objects = render("prod");
        Map<String, Object> kafka = map(objects.stream().filter(o -> "Kafka".equals(o.get("kind")))
                .findFirst().orElseThrow(), "spec");

        // The brokers run the JMX exporter with rules from a ConfigMap the overlay ships
        Map<String, Object> metrics = map(map(kafka, "kafka"), "metricsConfig");
        assertThat(metrics.get("type")).isEqualTo("jmxPrometheusExporter");
        Map<String, Object> reference = map(map(metrics, "valueFrom"), "configMapKeyRef");
        Map<String, Object> configMap = objects.stream()
                .filter(o -> "ConfigMap".equals(o.get("kind")) && reference.get("name").equals(name(o)))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + reference.get("name")));
        assertThat(map(configMap, "data")).as("the metrics ConfigMap holds only the exporter's rules")
                .containsOnlyKeys(String.valueOf(reference.get("key")));
        Map<String, Object> exporter = cast(new Yaml().load(String.valueOf(map(configMap, "data").get(reference.get("key")))));
        List<Map<String, Object>> rules = list(exporter, "rules");
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule).containsKeys("pattern", "name", "type");
            Pattern.compile(String.valueOf(rule.get("pattern")));
        });
        assertThat(rules).extracting(rule -> String.valueOf(rule.get("pattern")))
                .anyMatch(p -> p.contains("UnderReplicatedPartitions") && p.contains("UnderMinIsrPartitionCount"))
                .anyMatch(p -> p.contains("OfflinePartitionsCount") && p.contains("ActiveControllerCount"));

        // The Kafka Exporter reports the lag of every Lodestone group on every contract topic
        Map<String, Object> lag = map(kafka, "kafkaExporter");
        assertThat(lag).as("kafkaExporter").isNotEmpty();
        Topics.all().forEach(topic -> assertThat(topic.name()).matches(String.valueOf(lag.get("topicRegex"))));
        SERVICES.forEach(group -> assertThat(group).matches(String.valueOf(lag.get("groupRegex"))));

        // Prometheus scrapes both on Strimzi's metrics port, and the NetworkPolicies let it
        assertThat(objects).as("a PodMonitor for the Kafka pods").anyMatch(o -> "PodMonitor".equals(o.get("kind"))
                && Map.of("strimzi.io/cluster", "lodestone", "strimzi.io/kind", "Kafka")
                        .equals(map(map(map(o, "spec"), "selector"), "matchLabels"))
                && "tcp-prometheus".equals(list(map(o, "spec"), "podMetricsEndpoints").get(0).get("port")));
        assertThat(objects).as("monitoring may reach the Kafka pods' metrics port").anyMatch(o ->
                "NetworkPolicy".equals(o.get("kind"))
                        && "Kafka".equals(map(map(map(o, "spec"), "podSelector"), "matchLabels").get("strimzi.io/kind"))
                        && list(map(o, "spec"), "ingress").stream().anyMatch(rule -> list(rule, "ports").stream()
                                .anyMatch(port -> Integer.valueOf(9404).equals(port.get("port")))));
    }

    @Test
    void theReadmeNamesTheOperatorVersionsAndEveryOperatorApiThatProdUses() throws IOException {
        String readme = Files.readString(Tools.repositoryRoot().resolve("k8s/README.md"));
        List<Map<String, Object>> objects = render("prod");

        assertThat(readme).containsPattern("Strimzi \\*\\*0\\.\\d+ to 0\\.\\d+\\*\\*").containsPattern("\\*\\*KEDA 2\\.");
        String kafkaVersion = String.valueOf(map(map(objects.stream().filter(o -> "Kafka".equals(o.get("kind")))
                .findFirst().orElseThrow(), "spec"), "kafka").get("version"));
        assertThat(readme).as("the README names the Kafka version the Kafka resource runs").contains("Kafka " + kafkaVersion);
        objects.stream().map(o -> String.valueOf(o.get("apiVersion")))
                .filter(api -> api.contains("strimzi.io") || api.contains("keda.sh") || api.contains("coreos.com"))
                .distinct().forEach(api -> assertThat(readme).as("the README names %s", api)
                        .contains(api.substring(0, api.indexOf('/'))).contains(api.substring(api.indexOf('/') + 1)));
    }

    static Map<String, Integer> topicPartitions(List<Map<String, Object>> objects) {
        Map<String, Integer> partitions = new java.util.TreeMap<>();
        for (Map<String, Object> object : objects) {
            if ("KafkaTopic".equals(object.get("kind"))) {
                partitions.put(name(object), ((Number) map(object, "spec").get("partitions")).intValue());
            } else if ("Job".equals(object.get("kind")) && "kafka-topics".equals(name(object))) {
                partitions.putAll(ComposeFileTest.createdTopics(String.valueOf(containers(object).get(0).get("args"))));
            }
        }
        return partitions;
    }

    /** Each topic's single writer (ARCHITECTURE.md): a dead-letter topic is written by the consumer that failed. */
    private static final Map<String, String> WRITERS = Map.of(
            "supply.events.v1", "news-ingest-service",
            "element.risk.v1", "risk-scoring-service",
            "alerts.v1", "alert-service",
            "supply.events.v1.dlt", "risk-scoring-service",
            "element.risk.v1.dlt", "alert-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void serviceContainersRunLockedDown(String overlay) {
        for (Map<String, Object> workload : workloads(render(overlay))) {
            if (!SERVICES.contains(name(workload))) {
                continue;
            }
            Map<String, Object> pod = map(map(workload, "spec"), "template");
            Map<String, Object> podSpec = map(pod, "spec");
            assertThat(podSpec.get("automountServiceAccountToken")).as("%s mounts no token", name(workload)).isEqualTo(false);
            assertThat(map(map(podSpec, "securityContext"), "seccompProfile").get("type")).isEqualTo("RuntimeDefault");
            assertThat(map(podSpec, "securityContext").get("runAsNonRoot")).isEqualTo(true);
            for (Map<String, Object> container : containers(workload)) {
                Map<String, Object> security = map(container, "securityContext");
                assertThat(security.get("readOnlyRootFilesystem")).as("%s read-only root", name(workload)).isEqualTo(true);
                assertThat(security.get("allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(String.valueOf(map(security, "capabilities").get("drop"))).as("%s drops capabilities", name(workload))
                        .isEqualTo("[ALL]");
            }
        }
    }

    @Test
    void prodKafkaAcceptsOnlyAuthenticatedTlsClientsAndAuthorisesThem() {
        Map<String, Object> kafka = render("prod").stream().filter(o -> "Kafka".equals(o.get("kind")))
                .findFirst().orElseThrow();
        Map<String, Object> spec = map(map(kafka, "spec"), "kafka");

        assertThat(list(spec, "listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.get("tls")).as("listener %s TLS", listener.get("name")).isEqualTo(true);
            assertThat(map(listener, "authentication").get("type")).as("listener %s authentication", listener.get("name"))
                    .isIn("scram-sha-512", "tls");
        });
        assertThat(map(spec, "authorization").get("type")).isEqualTo("simple");
    }

    @Test
    void prodLetsOnlyEachTopicsSingleWriterWriteIt() {
        List<Map<String, Object>> users = render("prod").stream().filter(o -> "KafkaUser".equals(o.get("kind"))).toList();
        assertThat(users).extracting(KubernetesOverlaysTest::name).containsAll(SERVICES);

        for (Topic<String, ?> topic : Topics.all()) {
            for (String topicName : List.of(topic.name(), topic.deadLetterTopic())) {
                List<String> writers = users.stream().filter(user -> mayWrite(user, topicName))
                        .map(KubernetesOverlaysTest::name).toList();
                String expected = WRITERS.get(topicName);
                assertThat(writers).as("users that may write %s", topicName)
                        .isEqualTo(expected == null ? List.of() : List.of(expected));
            }
        }
    }

    @Test
    void prodServicesConnectToKafkaAsTheirOwnUserAndVerifyTheDatabase() {
        List<Map<String, Object>> objects = render("prod");
        for (Map<String, Object> workload : workloads(objects)) {
            if (!SERVICES.contains(name(workload))) {
                continue;
            }
            Map<String, Object> configMap = objects.stream()
                    .filter(o -> "ConfigMap".equals(o.get("kind")) && name(workload).equals(name(o)))
                    .findFirst().orElseThrow();
            assertThat(map(configMap, "data").get("SPRING_PROFILES_ACTIVE")).asString().contains("kafka-scram");
            Map<String, Object> jaas = list(containers(workload).get(0), "env").stream()
                    .filter(env -> "KAFKA_SASL_JAAS_CONFIG".equals(env.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(name(workload) + " has no Kafka credentials"));
            assertThat(map(map(jaas, "valueFrom"), "secretKeyRef").get("name")).isEqualTo(name(workload));
        }
        Map<String, Object> alertConfig = objects.stream()
                .filter(o -> "ConfigMap".equals(o.get("kind")) && "alert-service".equals(name(o))).findFirst().orElseThrow();
        assertThat(map(alertConfig, "data").get("DATABASE_URL")).asString().contains("sslmode=verify-full");
    }

    @Test
    void prodDeniesNetworkTrafficByDefaultAndAllowsEachServiceItsFlows() {
        List<Map<String, Object>> policies = render("prod").stream()
                .filter(o -> "NetworkPolicy".equals(o.get("kind"))).toList();

        assertThat(policies).as("a default-deny policy").anyMatch(policy -> map(map(policy, "spec"), "podSelector").isEmpty()
                && ((List<?>) map(policy, "spec").get("policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && !map(policy, "spec").containsKey("ingress") && !map(policy, "spec").containsKey("egress"));
        for (String service : SERVICES) {
            assertThat(policies).as("a policy for %s", service).anyMatch(policy ->
                    service.equals(map(map(map(policy, "spec"), "podSelector"), "matchLabels").get("app.kubernetes.io/name"))
                            && !list(map(policy, "spec"), "egress").isEmpty());
        }
    }

    private static boolean mayWrite(Map<String, Object> user, String topicName) {
        return list(map(map(user, "spec"), "authorization"), "acls").stream()
                .anyMatch(acl -> {
                    Map<String, Object> resource = map(acl, "resource");
                    String name = String.valueOf(resource.get("name"));
                    boolean matches = "topic".equals(resource.get("type"))
                            && ("prefix".equals(resource.get("patternType")) ? topicName.startsWith(name) : topicName.equals(name) || "*".equals(name));
                    List<?> operations = (List<?>) acl.get("operations");
                    return matches && operations != null && (operations.contains("Write") || operations.contains("All"));
                });
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
