package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.RawHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        RateLimitTest.LimitedApi.held = new CountDownLatch(1);
        RateLimitTest.LimitedApi.holding = new CountDownLatch(2);
        ExecutorService slowClient = Executors.newFixedThreadPool(2);
        try {
            List<Future<RawHttp.Response>> open = List.of(
                    slowClient.submit(() -> new RawHttp(port).send("GET", "/api/v1/hold", bearer("t-slow"), null)),
                    slowClient.submit(() -> new RawHttp(port).send("GET", "/api/v1/hold", bearer("t-slow"), null)));
            assertThat(RateLimitTest.LimitedApi.holding.await(10, TimeUnit.SECONDS)).isTrue();

            RawHttp.Response third = get("/api/v1/things", "t-slow");

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isEqualTo("1");
            assertThat(third.body()).contains("already has 2 requests in progress");
            assertThat(get("/api/v1/things", "t-quick").status()).isEqualTo(200);
            assertThat(get("/actuator/health", null).status()).isEqualTo(200);

            RateLimitTest.LimitedApi.held.countDown();
            for (Future<RawHttp.Response> answer : open) {
                assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            RateLimitTest.LimitedApi.held.countDown();
            slowClient.shutdownNow();
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
