package io.lodestone.local;

import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A single-node KRaft broker (broker and controller in one process), run from the Kafka jars that
 * Maven fetched, in a child process so its logging and memory stay apart from the launcher. The
 * log directory is formatted once; later runs reuse it, so topics and offsets survive a restart.
 */
final class KafkaBroker {

    static final int PARTITIONS = 3;

    private final StackSettings settings;
    private ChildProcess process;

    KafkaBroker(StackSettings settings) {
        this.settings = settings;
    }

    void start() throws IOException, InterruptedException {
        Path dir = settings.dataDir().resolve("kafka");
        Path logs = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Files.createDirectories(logs);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + settings.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:" + settings.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        Path logging = dir.resolve("logback.xml");
        Files.writeString(logging, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                  <logger name="org.apache.kafka.common.config" level="WARN"/>
                </configuration>
                """);
        String classpath = settings.libDir().resolve("*").toString();
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(ChildProcess.java(), "-Dlogback.configurationFile=" + logging, "-cp", classpath,
                    "kafka.tools.StorageTool",
                    "format", "--standalone", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                    "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed; see " + dir.resolve("format.log"));
            }
        }
        process = ChildProcess.start("Kafka broker", List.of(ChildProcess.java(), "-Xmx512m",
                        "-Dlogback.configurationFile=" + logging, "-cp", classpath,
                        "kafka.Kafka", config.toString()), Map.of(), settings.dataDir().resolve("logs").resolve("kafka.log"));
        process.awaitReady(this::answers, Duration.ofSeconds(90));
    }

    /** The dead-letter topics' record limit: 2 MiB, as the services' dead-letter producers write. */
    static final String DEAD_LETTER_MAX_BYTES = "2097152";

    /** Creates the contract's topics (and their dead-letter topics) that do not exist yet. */
    List<String> createTopics() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.all()) {
                NewTopic main = new NewTopic(topic.name(), PARTITIONS, (short) 1);
                if (topic.compacted()) {
                    main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                // a dead letter is the failed record plus its error headers: larger than the input
                // topic takes, so its topic takes what the services' dead-letter producers write
                NewTopic deadLetters = new NewTopic(topic.deadLetterTopic(), PARTITIONS, (short) 1)
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, DEAD_LETTER_MAX_BYTES));
                for (NewTopic candidate : List.of(main, deadLetters)) {
                    if (!existing.contains(candidate.name())) {
                        missing.add(candidate);
                    }
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    private boolean answers() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    ChildProcess process() {
        return process;
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** SIGKILL: no controlled shutdown, and the next start recovers the logs as after a crash. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }
}
