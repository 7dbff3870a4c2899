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
 * A client's share of the server's threads over real HTTP: two requests in progress at most, so a
 * client that holds requests open (a body sent a byte at a time) cannot take every thread.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=t-slow,t-quick", "lodestone.api.rate-limit.per-second=0.1",
                "lodestone.api.rate-limit.burst=20", "lodestone.api.rate-limit.max-concurrent=2"})
class RequestsInProgressTest {

    @LocalServerPort
    int port;

    @Test
    void aClientHoldingRequestsOpenGetsNoMoreThreadsThanItsShare() throws Exception {
        try (HeldRequests slow = new HeldRequests(port, bearer("t-slow"), 2)) {
            RawHttp.Response third = get("/api/v1/things", "t-slow");

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isEqualTo("1");
            assertThat(third.body()).contains("already has 2 requests in progress");
            assertThat(get("/api/v1/things", "t-quick").status()).isEqualTo(200);
            assertThat(get("/actuator/health", null).status()).isEqualTo(200);

            slow.releaseAndAwait();
        }
        // both answered: once their threads are back, the client has its share again
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/things", "t-slow").status() == 200);
    }

    private RawHttp.Response get(String path, String token) {
        return new RawHttp(port).send("GET", path, token == null ? Map.of() : bearer(token), null);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
