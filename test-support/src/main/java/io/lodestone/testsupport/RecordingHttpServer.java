package io.lodestone.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server on loopback that records every request and answers with scripted responses:
 * what tests use in place of Slack's incoming webhooks, a subscriber's webhook receiver, or a
 * news feed. A response set for a path with {@link #respondTo} always answers that path; otherwise
 * responses queued with {@link #enqueue} are used once each, in order; after that the default
 * response answers.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** A scripted answer. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public static Response ok(String contentType, String body) {
            return new Response(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response status(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            merged.putAll(headers);
            merged.put(name, value);
            return new Response(status, merged, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Response> script = new ArrayDeque<>();
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private volatile Response defaultResponse = Response.ok("text/plain", "ok");

    private RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind a loopback port", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts a server on a free loopback port. */
    public static RecordingHttpServer start() {
        RecordingHttpServer recording = new RecordingHttpServer();
        recording.server.start();
        return recording;
    }

    /** The absolute URI of a path on this server, e.g. {@code uri("/hooks/slack")}. */
    public URI uri(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    /** Queues responses that answer the next requests, one each, before the default applies again. */
    public synchronized RecordingHttpServer enqueue(Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every request for {@code path} (query string ignored) with {@code response}. */
    public RecordingHttpServer respondTo(String path, Response response) {
        routes.put(path, response);
        return this;
    }

    /** The response for every request once the queue is empty (200 "ok" unless changed). */
    public RecordingHttpServer respondByDefault(Response response) {
        this.defaultResponse = response;
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Waits until at least {@code count} requests arrived.
     *
     * @throws AssertionError naming how many arrived when the timeout passes first
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (requests) {
            while (requests.size() < count) {
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0) {
                    throw new AssertionError("expected " + count + " requests within " + timeout
                            + ", received " + requests.size());
                }
                try {
                    requests.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for requests", e);
                }
            }
        }
        return requests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()),
                        (a, b) -> a, TreeMap::new));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().toString(), headers, body, Instant.now());
        Response response = routes.getOrDefault(exchange.getRequestURI().getPath(), null);
        if (response == null) {
            response = nextResponse();
        }
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        long length = response.body().length == 0 ? -1 : response.body().length;
        exchange.sendResponseHeaders(response.status(), length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private synchronized Response nextResponse() {
        Response scripted = script.poll();
        return scripted != null ? scripted : defaultResponse;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
