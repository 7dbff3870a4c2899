package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deployment's way to keep probes and scrapes apart from the API ({@code MANAGEMENT_SERVER_PORT},
 * set in k8s/base): the health and Prometheus endpoints move to a port of their own, served by
 * threads of their own, and the API's port no longer answers them. Whatever clients do to the API's
 * threads, and however many health requests reach the API's port, the probes are still answered.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:lodestone-service-defaults.yml",
                "management.server.port=0", "lodestone.api.tokens=t-one,t-two",
                "lodestone.api.rate-limit.max-concurrent=2", "server.tomcat.threads.max=4",
                "server.tomcat.threads.min-spare=1"})
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAndScrapesAreServedOnTheManagementPortOnly() {
        RawHttp management = new RawHttp(managementPort);
        RawHttp.Response health = management.send("GET", "/actuator/health/readiness", Map.of(), null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(management.send("GET", "/actuator/prometheus", Map.of(), null).body())
                .contains("lodestone_api_requests_limited_total");

        RawHttp api = new RawHttp(port);
        assertThat(api.send("GET", "/actuator/health", Map.of(), null).status()).isIn(401, 404);
        assertThat(api.send("GET", "/actuator/health", Map.of("Authorization", "Bearer t-one"), null).status())
                .isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/things", Map.of("Authorization", "Bearer t-one"), null).status())
                .isEqualTo(200);
    }

    @Test
    void probesAreAnsweredWhileEveryThreadOfTheApiIsTaken() throws Exception {
        RateLimitTest.LimitedApi.held = new CountDownLatch(1);
        RateLimitTest.LimitedApi.holding = new CountDownLatch(4);
        List<Future<RawHttp.Response>> open = new ArrayList<>();
        try {
            for (String token : List.of("t-one", "t-one", "t-two", "t-two")) {
                open.add(CompletableFuture.supplyAsync(() -> new RawHttp(port)
                        .send("GET", "/api/v1/hold", Map.of("Authorization", "Bearer " + token), null)));
            }
            assertThat(RateLimitTest.LimitedApi.holding.await(10, TimeUnit.SECONDS))
                    .as("four requests hold the API's four threads").isTrue();

            CompletableFuture<Integer> probe = CompletableFuture.supplyAsync(() -> new RawHttp(managementPort)
                    .send("GET", "/actuator/health/liveness", Map.of(), null).status());
            assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            RateLimitTest.LimitedApi.held.countDown();
        }
        for (Future<RawHttp.Response> answer : open) {
            assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }
}
