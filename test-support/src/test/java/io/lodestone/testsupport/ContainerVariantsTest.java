package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same checks against containerised Kafka and PostgreSQL, for machines with Docker. Where no
 * Docker engine runs, the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerVariantsTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17.6-alpine");

    @Test
    void kafkaContainerCarriesARecord() {
        try (KafkaTestClient kafka = new KafkaTestClient(KAFKA.getBootstrapServers())) {
            kafka.createTopic(Topics.SUPPLY_EVENTS.name(), 1, false);
            kafka.send(Topics.SUPPLY_EVENTS.name(), "k", "{}",
                    new CloudEvents("id", "io.lodestone.supply.event.detected.v1", "/test", Instant.now()));

            assertThat(kafka.readAtLeast(Topics.SUPPLY_EVENTS.name(), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void postgresContainerAnswersSql() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword());
             ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
    }
}
