package io.lodestone.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.PathVariants;
import io.lodestone.testsupport.PathVariants.Endpoint;
import io.lodestone.testsupport.RawHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Risk levels are public reads, and only they: writes to the risk API and every other path need a
 * token in every spelling, and a public path cannot be walked out of with {@code ..} tricks.
 * Same configuration as {@link RiskScoringApplicationTest}, so the two share one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class RiskApiGuardIntegrationTest {

    @LocalServerPort
    int port;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    static Stream<Arguments> protectedPaths() {
        return PathVariants.of(List.of(
                Endpoint.post("/api/v1/risk", "{\"element\":\"Dy\",\"score\":99}"),
                Endpoint.put("/api/v1/risk/Dy", "{\"score\":99}"),
                Endpoint.delete("/api/v1/risk/Dy"),
                Endpoint.get("/api/v1/backtest"),
                Endpoint.get("/actuator/env")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("protectedPaths")
    void noSpellingOfAProtectedPathServesACallerWithoutAToken(Endpoint endpoint, PathVariants.Variant variant) {
        PathVariants.assertRefusedWithoutToken(raw, endpoint, variant);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/risk/..;/..;/..;/actuator/env", "/api/v1/risk/%2e%2e/%2e%2e/%2e%2e/actuator/env",
            "/api/v1/risk/../../../actuator/env", "/api/v1/risk/%2F..%2F..%2F..%2Factuator/env"})
    void publicReadsCannotBeWalkedOutOf(String target) {
        RawHttp.Response response = raw.send("GET", target, Map.of(), null);

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("propertySources");
    }

    @Test
    void riskLevelsStayPublicReads() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(raw.send("GET", "/api/v1/risk/Dy", Map.of(), null).status()).isEqualTo(200));

        assertThat(raw.send("GET", "/api/v1/risk", Map.of(), null).status()).isEqualTo(200);
        assertThat(raw.send("HEAD", "/api/v1/risk", Map.of(), null).status()).isEqualTo(200);
    }
}
