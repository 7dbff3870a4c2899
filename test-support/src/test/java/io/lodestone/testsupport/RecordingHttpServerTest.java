package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recording server answers real HTTP with scripted responses and keeps what it received. */
class RecordingHttpServerTest {

    private final RecordingHttpServer server = RecordingHttpServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void scriptedFailuresComeFirstThenTheDefaultAnswers() throws IOException, InterruptedException {
        server.enqueue(Response.status(500), Response.status(429).withHeader("Retry-After", "2"));

        assertThat(post("{\"n\":1}").statusCode()).isEqualTo(500);
        HttpResponse<String> throttled = post("{\"n\":2}");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(post("{\"n\":3}").statusCode()).isEqualTo(200);
    }

    @Test
    void recordsMethodPathHeadersAndBody() throws IOException, InterruptedException {
        post("{\"text\":\"Dy is HIGH\"}");

        RecordedRequest request = server.awaitRequests(1, Duration.ofSeconds(5)).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/slack");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).isEqualTo("msg_1");
        assertThat(request.bodyAsString()).isEqualTo("{\"text\":\"Dy is HIGH\"}");
    }

    @Test
    void routedPathsAlwaysGetTheirResponse() throws IOException, InterruptedException {
        server.respondTo("/feeds/a", Response.ok("application/xml", "<a/>")).enqueue(Response.status(500));

        HttpResponse<String> routed = http.send(HttpRequest.newBuilder(server.uri("/feeds/a?page=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(routed.body()).isEqualTo("<a/>");
        assertThat(post("{}").statusCode()).as("the queue is untouched by routed requests").isEqualTo(500);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri("/hooks/slack"))
                .header("Content-Type", "application/json")
                .header("webhook-id", "msg_1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
