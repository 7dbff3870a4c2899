package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.EmbeddedPostgresServer;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures of the service, its database and its dead-letter topic: the service decides to notify
 * and stops before sending, and a new instance against the same database and broker sends it
 * exactly once (the same risk change arriving again does not send it twice); a risk change that
 * arrives while the database is down waits for it instead of being lost or dead-lettered; a
 * record the dead-letter topic refuses waits until the topic takes it instead of being lost.
 */
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class CrashRecoveryTest {

    static final String TOKEN = "crash-test-token";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TOPIC = "element.risk.v1";
    static final String DEAD_LETTERS = "element.risk.v1.dlt";

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingHttpServer receiver = RecordingHttpServer.start();
    private final String database = EmbeddedPostgresServer.createDatabase("alert_crash");

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void notificationDecidedBeforeACrashIsSentOnceAfterRestart(EmbeddedKafkaBroker broker) {
        ElementRiskChanged dysprosiumHigh = RiskChanges.rise("Dy", RiskLevel.HIGH, 74, Instant.parse("2025-04-04T09:00:00Z"));
        String subscriptionId;
        try (ConfigurableApplicationContext first = start(broker, false)) {
            ApiClient api = api(first);
            subscriptionId = api.create("/api/v1/subscriptions", """
                    {"name": "Dysprosium", "elements": ["Dy"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                     "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                    .formatted(receiver.uri("/hook"), AlertServiceIntegrationTest.SECRET)).get("id").asString();

            publish(broker, dysprosiumHigh);

            await().atMost(WAIT).until(() -> api.getJson("/api/v1/deliveries?status=pending").size() == 1);
        }
        assertThat(receiver.requests()).isEmpty();

        try (ConfigurableApplicationContext second = start(broker, true)) {
            receiver.awaitRequests(1, WAIT);
            publish(broker, dysprosiumHigh);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> receiver.requests().size() == 1);
            JsonNode deliveries = api(second).getJson("/api/v1/deliveries?subscriptionId=" + subscriptionId);
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("status").asString()).isEqualTo("SENT");
            assertThat(api(second).getJson("/api/v1/alerts?subscriptionId=" + subscriptionId)).hasSize(1);
        }
        assertThat(receiver.requests()).hasSize(1);
        assertThat(json.readTree(receiver.requests().get(0).body()).get("data").get("alerts").get(0).get("element")
                .asString()).isEqualTo("Dy");
    }

    @Test
    void riskChangeArrivingDuringADatabaseOutageIsProcessedOnceTheDatabaseIsBack(EmbeddedKafkaBroker broker) {
        try (ConfigurableApplicationContext service = start(broker, true);
             KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            api(service).create("/api/v1/subscriptions", """
                    {"name": "Gallium", "elements": ["Ga"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                     "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                    .formatted(receiver.uri("/hook"), AlertServiceIntegrationTest.SECRET));

            setConnectionsAllowed(false);
            try {
                publish(broker, RiskChanges.rise("Ga", RiskLevel.SEVERE, 88, Instant.parse("2023-07-03T00:00:00Z")));
                // long enough for many more attempts than a bounded retry would make
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> receiver.requests().isEmpty());
            } finally {
                setConnectionsAllowed(true);
            }

            receiver.awaitRequests(1, WAIT);
            assertThat(api(service).getJson("/api/v1/alerts?element=Ga")).hasSize(1);
            assertThat(deadLetters(service).count()).isZero();
            assertThat(kafka.readAll(DEAD_LETTERS, Duration.ofSeconds(1))).extracting(ConsumerRecord::key)
                    .doesNotContain("Ga");
        }
    }

    @Test
    void recordTheDeadLetterTopicRefusesIsNotLostAndIsDeadLetteredOnceTheTopicTakesIt(EmbeddedKafkaBroker broker,
            CapturedOutput output) {
        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            // Given a dead-letter topic that refuses every record (as a misconfigured one would)
            kafka.createTopic(TOPIC, 1, true);
            kafka.createTopic(DEAD_LETTERS, 1, false);
            setMaxMessageBytes(admin, DEAD_LETTERS, 64);
            try (ConfigurableApplicationContext service = start(broker, true)) {
                api(service).create("/api/v1/subscriptions", """
                        {"name": "Scandium", "elements": ["Sc"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                         "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                        .formatted(receiver.uri("/hook"), AlertServiceIntegrationTest.SECRET));

                // When an unreadable record arrives, and a valid change after it
                long unreadable = kafka.sendRaw(TOPIC, "unreadable", "{not json").offset();
                publish(broker, RiskChanges.rise("Sc", RiskLevel.HIGH, 77, Instant.parse("2024-02-01T00:00:00Z")));

                // Then it is neither counted nor passed over: the partition waits at it, trying again
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                        deadLetters(service).count() == 0 && !committedPast(admin, unreadable));
                assertThat(output).contains("could not be written to " + DEAD_LETTERS);
                assertThat(receiver.requests()).isEmpty();

                // When the dead-letter topic is fixed
                setMaxMessageBytes(admin, DEAD_LETTERS, 2 * 1024 * 1024);

                // Then the record is dead-lettered as it came, counted once, and the change after it is evaluated
                ConsumerRecord<String, String> dead = kafka.readUntil(DEAD_LETTERS, records -> records.stream()
                        .anyMatch(r -> "unreadable".equals(r.key())), WAIT).stream()
                        .filter(r -> "unreadable".equals(r.key())).findFirst().orElseThrow();
                assertThat(dead.value()).isEqualTo("{not json");
                receiver.awaitRequests(1, WAIT);
                await().atMost(WAIT).until(() -> committedPast(admin, unreadable));
                assertThat(deadLetters(service).count()).isEqualTo(1);
            }
        }
    }

    private static Counter deadLetters(ConfigurableApplicationContext service) {
        return service.getBean(MeterRegistry.class).get("lodestone.alert.dead.letters").counter();
    }

    /** Whether the service's consumer group has committed an offset past the given one. */
    private static boolean committedPast(Admin admin, long offset) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("alert-service").partitionsToOffsetAndMetadata()
                .get().get(new TopicPartition(TOPIC, 0));
        return committed != null && committed.offset() > offset;
    }

    private static void setMaxMessageBytes(Admin admin, String topic, int bytes) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)),
                AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(set))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not set max.message.bytes of " + topic, e);
        }
    }

    /** Refuses (and drops) every connection to this test's database, as an outage would. */
    private void setConnectionsAllowed(boolean allowed) {
        String name = database.substring(database.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = EmbeddedPostgresServer.shared().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("alter database " + name + " allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, boolean dispatching) {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.cloud.stream.kafka.binder.brokers", broker.getBrokersAsString());
        properties.put("spring.datasource.url", database);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("lodestone.api.tokens", TOKEN);
        properties.put("lodestone.alert.egress.allowed-cidrs", "127.0.0.0/8");
        properties.put("lodestone.alert.sweep-interval", "100ms");
        properties.put("lodestone.alert.delivery.poll-interval", "100ms");
        properties.put("lodestone.alert.delivery.enabled", String.valueOf(dispatching));
        properties.put("spring.datasource.hikari.connection-timeout", "250");
        properties.put("spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-initial-interval", "100");
        properties.put("spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-max-interval", "300");
        // as command-line arguments, which win over application.yml
        return new SpringApplicationBuilder(AlertApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), TOKEN);
    }

    private void publish(EmbeddedKafkaBroker broker, ElementRiskChanged change) {
        try (KafkaTestClient kafka = new KafkaTestClient(broker.getBrokersAsString())) {
            kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, AlertServiceIntegrationTest.SCORING));
        }
    }
}
