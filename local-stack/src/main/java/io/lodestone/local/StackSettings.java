package io.lodestone.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where everything of the local stack lives and listens. Ports can be moved with environment
 * variables when the defaults are taken.
 *
 * @param root      the repository root (where the service jars are built)
 * @param dataDir   one folder for all state: broker logs, database, mail, service logs
 * @param clean     start afresh: delete the data folder first
 * @param demo      replay the demo timeline and create a sample subscription
 * @param token     the API token the services accept
 * @param generated whether the token was generated for this run (and must be printed)
 * @param serviceEnv service settings passed through from the environment: every variable starting
 *                  with {@code LODESTONE_INGEST_}, {@code LODESTONE_SCORING_} or {@code LODESTONE_ALERT_},
 *                  e.g. {@code LODESTONE_INGEST_SOURCES_0_URL} to poll a feed
 * @param javaOptions the JVM options of every service: {@link #JAVA_OPTIONS_FILE} and
 *                  {@link #DEFAULT_HEAP}, unless {@code LODESTONE_JAVA_OPTIONS} (separated by spaces)
 *                  replaces them
 * @param classDataSharing whether services start with an application class-data archive
 *                  ({@code LODESTONE_CDS=false} turns it off)
 * @param supervise whether {@code ./run-local.sh} restarts a service that ends or stops being live
 *                  ({@link Supervisor}; {@code LODESTONE_SUPERVISE=false} turns it off)
 */
record StackSettings(Path root, Path dataDir, boolean clean, boolean demo, String token, boolean generated,
                     int kafkaPort, int controllerPort, int postgresPort, int smtpPort, int mailWebPort,
                     int ingestPort, int scoringPort, int alertPort, Map<String, String> serviceEnv,
                     List<String> javaOptions, boolean classDataSharing, boolean supervise) {

    /**
     * The services' JVM options, shared with the image: a java argument file in the repository.
     * Measured in local-stack/BENCHMARK.md ("Light services").
     */
    static final String JAVA_OPTIONS_FILE = "ops/jvm/services.options";

    /**
     * The heap of each service on a laptop: a small start that grows as needed, and a cap that
     * keeps a service's resident memory near 300 MB after a bulk import.
     */
    static final List<String> DEFAULT_HEAP = List.of("-Xms64m", "-Xmx256m");

    private static final List<String> PASSED_THROUGH = List.of("LODESTONE_INGEST_", "LODESTONE_SCORING_", "LODESTONE_ALERT_");

    static StackSettings from(List<String> args, Map<String, String> env) {
        for (String arg : args) {
            if (!List.of("--clean", "--demo", "--help").contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg + " (use --clean, --demo)");
            }
        }
        Path root = Path.of(env.getOrDefault("LODESTONE_HOME", ".")).toAbsolutePath().normalize();
        String token = env.get("LODESTONE_API_TOKEN");
        boolean generated = token == null || token.isBlank();
        if (generated) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            token = "lsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return new StackSettings(root, root.resolve(env.getOrDefault("LODESTONE_DATA", ".lodestone")),
                args.contains("--clean"), args.contains("--demo"), token, generated,
                port(env, "LODESTONE_KAFKA_PORT", 9092), port(env, "LODESTONE_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "LODESTONE_POSTGRES_PORT", 5433), port(env, "LODESTONE_SMTP_PORT", 2525),
                port(env, "LODESTONE_MAIL_WEB_PORT", 8025), port(env, "LODESTONE_INGEST_PORT", 8081),
                port(env, "LODESTONE_SCORING_PORT", 8082), port(env, "LODESTONE_ALERT_PORT", 8083),
                env.entrySet().stream()
                        .filter(e -> PASSED_THROUGH.stream().anyMatch(prefix -> e.getKey().startsWith(prefix)))
                        .filter(e -> !e.getKey().endsWith("_PORT"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                javaOptions(root, env.get("LODESTONE_JAVA_OPTIONS")), !"false".equalsIgnoreCase(env.get("LODESTONE_CDS")),
                !"false".equalsIgnoreCase(env.get("LODESTONE_SUPERVISE")));
    }

    private static List<String> javaOptions(Path root, String value) {
        if (value != null && !value.isBlank()) {
            return List.of(value.strip().split("\\s+"));
        }
        List<String> options = new ArrayList<>();
        Path file = root.resolve(JAVA_OPTIONS_FILE);
        if (Files.exists(file)) {
            options.add("@" + file);
        }
        options.addAll(DEFAULT_HEAP);
        return List.copyOf(options);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/lodestone";
    }

    Path jar(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".jar");
    }

    Path libDir() {
        return root.resolve("local-stack").resolve("target").resolve("lib");
    }

    /** Every port with what it is for, for the port-taken check and the summary. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka broker", kafkaPort);
        ports.put("Kafka controller", controllerPort);
        ports.put("PostgreSQL", postgresPort);
        ports.put("SMTP catcher", smtpPort);
        ports.put("mail web page", mailWebPort);
        ports.put("news-ingest-service", ingestPort);
        ports.put("risk-scoring-service", scoringPort);
        ports.put("alert-service", alertPort);
        return ports;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
