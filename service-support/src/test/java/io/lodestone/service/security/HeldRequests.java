package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests held open on {@code /api/v1/hold} of {@link RateLimitTest.LimitedApi}, as a slow client
 * holds them (a body sent a byte at a time): started and in progress when constructed, answered
 * once {@link #releaseAndAwait} or {@link #close} lets them.
 */
final class HeldRequests implements AutoCloseable {

    private final ExecutorService client;
    private final List<Future<RawHttp.Response>> open = new ArrayList<>();

    HeldRequests(int port, Map<String, String> headers, int count) throws InterruptedException {
        RateLimitTest.LimitedApi.held = new CountDownLatch(1);
        RateLimitTest.LimitedApi.holding = new CountDownLatch(count);
        client = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            open.add(client.submit(() -> new RawHttp(port).send("GET", "/api/v1/hold", headers, null)));
        }
        assertThat(RateLimitTest.LimitedApi.holding.await(10, TimeUnit.SECONDS)).as("all held requests in progress").isTrue();
    }

    /** Lets the held requests finish and checks that each was answered 200. */
    void releaseAndAwait() throws Exception {
        RateLimitTest.LimitedApi.held.countDown();
        for (Future<RawHttp.Response> answer : open) {
            assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Override
    public void close() {
        RateLimitTest.LimitedApi.held.countDown();
        client.shutdownNow();
    }
}
