package io.lodestone.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack on free ports with its data under {@code target/}, and an HTTP client that
 * talks to its services the way a user does (bearer token, JSON).
 */
final class StackFixture implements AutoCloseable {

    static final String TOKEN = "stack-test-token";

    final StackSettings settings;
    final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    private StackFixture(StackSettings settings) {
        this.settings = settings;
        this.stack = new LocalStack(settings);
    }

    /** Starts everything; {@code serviceEnv} adds LODESTONE_INGEST_/SCORING_/ALERT_ settings. */
    static StackFixture start(Map<String, String> serviceEnv) throws Exception {
        return start(List.of(), serviceEnv);
    }

    /** @param args the launcher's options, as run-local.sh passes them ({@code --demo}) */
    static StackFixture start(List<String> args, Map<String, String> serviceEnv) throws Exception {
        Path data = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "stack-" + UUID.randomUUID()));
        Map<String, String> env = environment(data);
        env.putAll(serviceEnv);
        StackFixture fixture = new StackFixture(StackSettings.from(args, env));
        try {
            fixture.stack.start();
        } catch (Exception e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    /** The launcher's environment for a stack in {@code data}, on free ports, with the test token. */
    static Map<String, String> environment(Path data) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("LODESTONE_HOME", Path.of("..").toAbsolutePath().normalize().toString());
        env.put("LODESTONE_DATA", data.toString());
        env.put("LODESTONE_API_TOKEN", TOKEN);
        for (String port : List.of("KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "SMTP", "MAIL_WEB", "INGEST", "SCORING", "ALERT")) {
            env.put("LODESTONE_" + port + "_PORT", String.valueOf(FreePorts.next()));
        }
        return env;
    }

    HttpResponse<String> post(int port, String path, String json) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    /** Whether the service on {@code port} answers its readiness probe with 200. */
    boolean ready(int port) {
        return ChildProcess.httpOk(uri(port, "/actuator/health/readiness").toString());
    }

    /** Sends a request exactly as built: no token added, whatever the path looks like. */
    HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The Prometheus scrape of all three services, concatenated. */
    String scrape() {
        StringBuilder all = new StringBuilder();
        for (int port : List.of(settings.ingestPort(), settings.scoringPort(), settings.alertPort())) {
            all.append(get(port, "/actuator/prometheus").body());
        }
        return all.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        stack.stop();
    }
}
