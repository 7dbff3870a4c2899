package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.RawHttp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The share of the server's threads that clients without a token have together, over real HTTP: a
 * few addresses that each hold their own share of requests open (a form body trickled a byte at a
 * time) cannot take every thread, so token holders and the probes are still answered. Here one
 * address stands for them, with its own share set above the shared one.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=t-integration", "lodestone.api.public-get-paths=/api/v1/**",
                "lodestone.api.rate-limit.burst=100", "lodestone.api.rate-limit.max-concurrent=8",
                "lodestone.api.rate-limit.max-concurrent-without-token=2"})
class ClientsWithoutTokenShareTest {

    @LocalServerPort
    int port;

    @Test
    void clientsWithoutATokenHoldingTheirShareLeaveThreadsForTokenHoldersAndProbes() throws Exception {
        try (HeldRequests anonymous = new HeldRequests(port, Map.of(), 2)) {
            RawHttp.Response third = get("/api/v1/things", null);

            assertThat(third.status()).isEqualTo(503);
            assertThat(third.header("Retry-After")).isEqualTo("1");
            assertThat(third.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(third.body()).contains("without a token already have 2 requests in progress");
            assertThat(get("/api/v1/things", "t-integration").status()).isEqualTo(200);
            assertThat(get("/actuator/health", null).status()).isEqualTo(200);

            anonymous.releaseAndAwait();
        }
        // once their threads are back, clients without a token are served again
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/things", null).status() == 200);
    }

    private RawHttp.Response get(String path, String token) {
        return new RawHttp(port).send("GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                null);
    }
}
