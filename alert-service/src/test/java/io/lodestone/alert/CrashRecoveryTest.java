package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.EmbeddedPostgresServer;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures of the service and its database: the service decides to notify and stops before
 * sending, and a new instance against the same database and broker sends it exactly once (the
 * same risk change arriving again does not send it twice); a risk change that arrives while the
 * database is down waits for it instead of being lost.
 */
@EmbeddedKafka(partitions = 1)
class CrashRecoveryTest {

    static final String TOKEN = "crash-test-token";
    static final Duration WAIT = Duration.ofSeconds(30);

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
        try (ConfigurableApplicationContext service = start(broker, true)) {
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
