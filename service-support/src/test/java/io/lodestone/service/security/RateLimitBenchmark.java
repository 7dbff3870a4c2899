package io.lodestone.service.security;

import io.lodestone.service.api.ApiProperties;
import io.lodestone.service.api.ClientBudget;
import io.lodestone.service.api.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harness, not a test (run it by name): what the rate-limit filter adds to every request, measured
 * on the filter's own work with a chain that does nothing, so the figure is the filter alone. Three
 * cases: a client presenting the second of two configured tokens (two SHA-256 comparisons, which the
 * authentication repeats after it), a client without a token (counted by address), and the token
 * client from two threads at once (both on one bucket, the worst contention there is). The budget
 * is large enough never to refuse. Writes {@code target/rate-limit-benchmark.txt}.
 * <pre>
 * ./mvnw -B -pl service-support -am test -Dtest=RateLimitBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class RateLimitBenchmark {

    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 2_000_000;
    private static final FilterChain NOTHING = (request, response) -> { };

    private final RateLimitFilter filter = new RateLimitFilter(
            new ClientBudget(new ApiProperties.RateLimit(true, 1e12, 2_000_000_000, 10_000, 64, 1_000_000, List.of())),
            new BearerTokens(List.of("lsk_first-configured-token-0123456789", "lsk_second-configured-token-987654321")),
            new ProblemWriter(JsonMapper.builder().build()), new SimpleMeterRegistry());

    @Test
    void measure() throws Exception {
        MockHttpServletRequest withToken = request("Bearer lsk_second-configured-token-987654321");
        MockHttpServletRequest withoutToken = request(null);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "rate-limit filter, %d requests a case after %d to warm up; %s, %d cores",
                MEASURED, WARM_UP, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors()));
        run(withToken, WARM_UP);
        run(withoutToken, WARM_UP);
        lines.add(line("token client, one thread", time(withToken, 1)));
        lines.add(line("address client, one thread", time(withoutToken, 1)));
        lines.add(line("token client, two threads on one bucket", time(withToken, 2)));
        Path report = Path.of("target", "rate-limit-benchmark.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/items");
        request.setRemoteAddr("203.0.113.7");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    /** Nanoseconds per request, wall clock, over {@link #MEASURED} requests shared by {@code threads}. */
    private double time(MockHttpServletRequest request, int threads) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    run(request, MEASURED / threads);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            running.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        return (System.nanoTime() - began) / (double) MEASURED;
    }

    private void run(MockHttpServletRequest request, int times) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            for (int i = 0; i < times; i++) {
                filter.doFilterInternal(request, response, NOTHING);
            }
        } catch (IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        if (response.getStatus() != 200) {
            throw new IllegalStateException("the budget refused a request: " + response.getStatus());
        }
    }

    private static String line(String label, double nanos) {
        return String.format(Locale.ROOT, "%-42s %8.0f ns a request (%,.0f requests a second)", label, nanos,
                1e9 / nanos);
    }
}
