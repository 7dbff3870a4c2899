package io.lodestone.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes items to the ingest API the way a careful integration does while the system is being
 * hurt: one at a time at a steady pace, and an item whose request fails (connection refused,
 * reset, 5xx) is sent again, same id, until the API answers or the retry budget runs out. What
 * the API answered for each item is kept, so the suite knows exactly which items were accepted.
 */
final class ItemPusher implements AutoCloseable {

    /**
     * What happened to one item.
     *
     * @param element    the element the item was written about
     * @param acceptedAt when the API answered 200, or null when it never did
     * @param attempts   requests sent for this item (more than one when a fault was in the way)
     * @param status     the API's verdict ({@code PUBLISHED}, {@code DUPLICATE}, …), or the last failure
     * @param eventId    the event that carries the item: its own, or the story's it was folded into
     * @param direction  the extracted direction, null when the answer carried no event
     * @param elements   the elements the event names
     */
    record Pushed(String itemId, String element, Instant firstTry, Instant acceptedAt, int attempts, String status,
                  String eventId, String direction, List<String> elements) {

        boolean accepted() {
            return acceptedAt != null && eventId != null;
        }

        /** Accepted and moves risk: must show up as a contributor of every element it names. */
        boolean mustScore() {
            return accepted() && !"NEUTRAL".equals(direction) && !"NOT_RELEVANT".equals(status);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String token;
    private final Duration retryFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "item-pusher");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Pushed> results = new CopyOnWriteArrayList<>();

    ItemPusher(int ingestPort, String token, Duration retryFor) {
        this.endpoint = URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/items");
        this.token = token;
        this.retryFor = retryFor;
    }

    /** Starts pushing {@code items} (element symbol → item fields) in the background, {@code gap} apart. */
    Future<?> push(List<Map.Entry<String, Map<String, Object>>> items, Duration gap) {
        return pool.submit(() -> {
            for (Map.Entry<String, Map<String, Object>> item : items) {
                results.add(pushOne(item.getKey(), item.getValue()));
                ChildProcess.sleep(gap);
            }
        });
    }

    List<Pushed> results() {
        return List.copyOf(results);
    }

    private Pushed pushOne(String element, Map<String, Object> item) {
        String itemId = (String) item.get("id");
        String body = JSON.writeValueAsString(item);
        Instant first = Instant.now();
        Instant deadline = first.plus(retryFor);
        int attempts = 0;
        String failure = "never sent";
        while (Instant.now().isBefore(deadline)) {
            attempts++;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return outcome(element, itemId, first, attempts, JSON.readTree(response.body()));
                }
                failure = "HTTP " + response.statusCode();
                if (response.statusCode() < 500) {
                    break;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ChildProcess.sleep(Duration.ofSeconds(1));
        }
        return new Pushed(itemId, element, first, null, attempts, failure, null, null, List.of());
    }

    private static Pushed outcome(String element, String itemId, Instant first, int attempts, JsonNode answer) {
        JsonNode event = answer.path("event");
        String status = answer.path("status").asString();
        String eventId = event.hasNonNull("eventId") ? event.get("eventId").asString()
                : answer.hasNonNull("duplicateOf") ? answer.get("duplicateOf").asString() : null;
        List<String> elements = new ArrayList<>();
        event.path("elements").forEach(e -> elements.add(e.asString()));
        if (elements.isEmpty()) {
            elements.add(element);
        }
        String direction = event.hasNonNull("direction") ? event.get("direction").asString() : null;
        return new Pushed(itemId, element, first, Instant.now(), attempts, status, eventId, direction, List.copyOf(elements));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
