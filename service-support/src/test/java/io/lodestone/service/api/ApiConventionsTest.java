package io.lodestone.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bearer-token protection and problem details, over real HTTP against a running server. */
@SpringBootTest(classes = ApiConventionsTest.TestApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=secret-one,secret-two", "lodestone.api.public-get-paths=/api/v1/public/**"})
class ApiConventionsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writeWithoutTokenIsRefusedWithProblemDetail() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"magnets\"}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status\":401").contains("Authorization: Bearer");
    }

    @Test
    void unknownTokenIsRefusedAndNotEchoed() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"magnets\"}", "guess-123");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("guess-123");
    }

    @Test
    void anyConfiguredTokenIsAccepted() throws Exception {
        assertThat(post("{\"name\":\"magnets\"}", "secret-one").statusCode()).isEqualTo(200);
        assertThat(post("{\"name\":\"magnets\"}", "secret-two").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidFieldsAreEachNamed() throws Exception {
        HttpResponse<String> response = post("{\"name\":\" \",\"size\":99}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"size\"");
    }

    @Test
    void unreadableJsonNamesTheField() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"x\",\"size\":\"big\"}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"size\"");
    }

    @Test
    void domainValidationNamesTheField() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"forbidden\"}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"").contains("reserved");
    }

    @Test
    void publicReadsNeedNoTokenOtherReadsDo() throws Exception {
        assertThat(get("/api/v1/public/levels").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/private").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/things"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Thing(@NotBlank String name, @Max(10) Integer size) {
    }

    @SpringBootApplication
    @RestController
    static class TestApi {

        @PostMapping("/api/v1/things")
        Thing create(@Valid @RequestBody Thing thing) {
            if ("forbidden".equals(thing.name())) {
                throw InvalidRequestException.field("name", "is reserved");
            }
            return thing;
        }

        @GetMapping("/api/v1/public/levels")
        String levels() {
            return "[]";
        }

        @GetMapping("/api/v1/private")
        String secret() {
            return "hidden";
        }
    }
}
