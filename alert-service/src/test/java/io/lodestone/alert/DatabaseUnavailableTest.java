package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An API request that gets no database connection in time is a 503 problem with Retry-After, not a
 * bare 500. The pool holds two connections (Flyway needs two at start), and the test holds both: the
 * real pool, the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + DatabaseUnavailableTest.TOKEN,
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=500"})
@EmbeddedKafka(partitions = 1)
class DatabaseUnavailableTest {

    static final String TOKEN = "database-unavailable-test-token";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_db_unavailable");
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatGetsNoConnectionInTimeIsA503ProblemWithRetryAfter() throws Exception {
        ApiClient api = new ApiClient(port, TOKEN);
        assertThat(api.get("/api/v1/subscriptions").statusCode()).isEqualTo(200);

        HttpResponse<String> busy;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            busy = api.get("/api/v1/subscriptions");
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(busy.body()).contains("Database unavailable").doesNotContain("Hikari", "jdbc:");
        // and once the connection is free again, so is the API
        assertThat(api.get("/api/v1/subscriptions").statusCode()).isEqualTo(200);
    }
}
