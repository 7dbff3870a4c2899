package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a running service's actuator over real HTTP, the way Kubernetes probes and Prometheus do.
 */
public final class ActuatorProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public ActuatorProbe(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Asserts what every Lodestone service promises operators: separate liveness and readiness
     * probes that answer UP, a Prometheus scrape tagged with the application name, and nothing
     * else of the actuator exposed.
     */
    public void assertOperable(String applicationName) {
        assertUp("/actuator/health/liveness");
        assertUp("/actuator/health/readiness");
        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName + "\"");
        assertThat(get("/actuator/env").statusCode()).as("/actuator/env is not exposed").isIn(401, 404);
    }

    private void assertUp(String path) {
        HttpResponse<String> health = get(path);
        assertThat(health.statusCode()).as(path + " " + health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** GETs a path and returns the response; the body as text. */
    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }
}
