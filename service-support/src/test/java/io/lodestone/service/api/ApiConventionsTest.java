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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.lodestone.testsupport.PathVariants;
import io.lodestone.testsupport.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bearer-token protection, bounded input and problem details, over real HTTP against a running server. */
@SpringBootTest(classes = ApiConventionsTest.TestApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=secret-one,secret-two", "lodestone.api.public-get-paths=/api/v1/public/**",
                "lodestone.api.max-body-size=64KB", "lodestone.api.json.max-string-length=1000",
                "lodestone.api.json.max-nesting-depth=16", "lodestone.api.json.max-token-count=1000"})
class ApiConventionsTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

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
    void aBodyOfTheWrongShapeIsRefusedWithoutNamingTheServicesClasses() throws Exception {
        HttpResponse<String> response = post("[]", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Cannot deserialize value of type an object from Array value")
                .doesNotContain("io.lodestone").doesNotContain("Thing").doesNotContain("JsonToken");
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
    void bearerSchemeIsCaseInsensitive(String scheme) {
        RawHttp.Response response = raw.send("POST", "/api/v1/things",
                Map.of("Authorization", scheme + " secret-one"), "{\"name\":\"magnets\"}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void wrongTokenIsAnsweredWithInvalidTokenChallenge() {
        RawHttp.Response response = raw.send("GET", "/api/v1/private", Map.of("Authorization", "Bearer secret-three"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.body()).contains("not one this service accepts").doesNotContain("secret-three");
    }

    @Test
    void otherSchemesAreNotABearerToken() {
        RawHttp.Response response = raw.send("GET", "/api/v1/private", Map.of("Authorization", "Basic secret-one"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    static Stream<Arguments> protectedPathVariants() {
        return PathVariants.of(List.of(
                PathVariants.Endpoint.post("/api/v1/things", "{\"name\":\"magnets\"}"),
                PathVariants.Endpoint.get("/api/v1/private")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("protectedPathVariants")
    void everySpellingOfAProtectedPathIsRefusedWithoutAToken(PathVariants.Endpoint endpoint, PathVariants.Variant variant) {
        RawHttp.Response response = PathVariants.assertRefusedWithoutToken(raw, endpoint, variant);

        assertThat(response.body()).doesNotContain("hidden").doesNotContain("magnets");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api;x=1/v1/private", "/%61pi/v1/private", "/api/v1/%2e%2e/v1/private", "//api/v1/private",
            "/api/v1/x%1By", "/api/v1/x%7Fy", "/api/v1/x%C2%85y", "/api/v1/x%09y"})
    void nonCanonicalPathsAreA400ProblemEvenWithAToken(String target) {
        double refusedBefore = meters.counter("lodestone.api.requests.refused", "reason", "non-canonical").count();

        RawHttp.Response response = raw.send("GET", target, Map.of("Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("canonical").doesNotContain("hidden");
        // counted, not written to the log at info (a client at the rate limit had written gigabytes a day)
        assertThat(meters.counter("lodestone.api.requests.refused", "reason", "non-canonical").count())
                .isEqualTo(refusedBefore + 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"D%00y", "D%1By", "D%7Fy", "D%C2%85y"})
    void parameterWithAControlCharacterIsA400Problem(String value) {
        RawHttp.Response response = raw.send("GET", "/api/v1/search?element=" + value,
                Map.of("Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("control character").doesNotContain("found");
    }

    /** Tomcat refuses these before any filter runs; the answer is still a problem detail, not its HTML page. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/x%00y", "/api/v1/x%zzy", "/api/v1/x%y", "/api/v1/x%2Fy", "/api/v1/x%5Cy",
            "/api/v1/x%C0%AFy", "/api/v1/x%FFy", "/api/v1/x\\y", "/api/v1/x|y", "/api/v1/x\"y", "/api/v1/x<y>"})
    void pathTheContainerRefusesIsA400ProblemToo(String target) {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer secret-one"))) {
            RawHttp.Response response = raw.send("GET", target, headers, null);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json;charset=UTF-8");
            assertThat(response.body()).startsWith("{").contains("\"status\":400", "\"title\":\"Bad Request\"")
                    .doesNotContain("<", "Tomcat", "x%", "Exception");
        }
    }

    @Test
    void parameterWithLineBreaksAndTabsIsRead() {
        RawHttp.Response response = raw.send("GET", "/api/v1/search?element=a%0D%0A%09b",
                Map.of("Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("found a\r\n\tb");
    }

    @Test
    void unexpectedFailureIsA500ProblemThatTellsNothingOfTheFailure() {
        RawHttp.Response response = raw.send("GET", "/api/v1/broken", Map.of("Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":500").contains("\"instance\":\"/api/v1/broken\"")
                .doesNotContain("internal-detail").doesNotContain("IllegalStateException");
    }

    /**
     * Problem details are the answer whatever the client says it accepts: an {@code Accept} header
     * that cannot be parsed used to empty the body of every error a handler answered; one that
     * names only types no endpoint writes gets them too. (A browser asking for HTML gets the HTML
     * error page.)
     */
    @ParameterizedTest(name = "{0} {1} with Accept: {2}")
    @MethodSource("unreadableOrUnmetAccept")
    void errorsAreProblemDetailsWhateverTheAcceptHeaderSays(String method, String target, String accept, String token,
                                                           String body, int status) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", accept);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }

        RawHttp.Response response = raw.send(method, target, headers, body);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }

    @Test
    void aRequestWithAnUnreadableAcceptHeaderIsAnsweredAsWithoutOne() {
        RawHttp.Response response = raw.send("GET", "/api/v1/private",
                Map.of("Accept", ";;;/", "Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hidden");
    }

    static Stream<Arguments> unreadableOrUnmetAccept() {
        return Stream.of(";;;/", "image/png, text/plain;q=0.5", "application/json;q=x, *", "\"", "*/*;q=2")
                .flatMap(accept -> Stream.of(
                        Arguments.of("GET", "/api/v1/nowhere", accept, "secret-one", null, 404),
                        Arguments.of("POST", "/api/v1/things", accept, "secret-one", "{\"name\":\" \"}", 400),
                        Arguments.of("POST", "/api/v1/things", accept, "secret-one", "{not json", 400),
                        Arguments.of("GET", "/api/v1/private", accept, null, null, 401),
                        Arguments.of("GET", "/api/v1/broken", accept, "secret-one", null, 500),
                        Arguments.of("TRACE", "/api/v1/private", accept, "secret-one", null, 405)));
    }

    @Test
    void methodTheContainerRefusesIsAProblemToo() {
        RawHttp.Response response = raw.send("TRACE", "/api/v1/private", Map.of("Authorization", "Bearer secret-one"), null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":405");
    }

    @Test
    void everyPathOutsideThePublicOnesNeedsAToken() {
        assertThat(raw.send("GET", "/actuator/health", Map.of(), null).status()).isEqualTo(200);
        assertThat(raw.send("GET", "/actuator/env", Map.of(), null).status()).isEqualTo(401);
        assertThat(raw.send("GET", "/somewhere/else", Map.of(), null).status()).isEqualTo(401);
        assertThat(raw.send("POST", "/api/v1/public/levels", Map.of(), "{}").status()).isEqualTo(401);
    }

    @Test
    void bodyDeclaredLargerThanTheCapIsRefusedBeforeItIsRead() {
        RawHttp.Response response = raw.sendDeclaringLength("POST", "/api/v1/things",
                Map.of("Authorization", "Bearer secret-one"), 120L * 1024 * 1024);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("65536 bytes");
    }

    @Test
    void chunkedBodyIsCutOffAtTheCap() {
        RawHttp.Response response = raw.sendChunked("POST", "/api/v1/things",
                Map.of("Authorization", "Bearer secret-one"), 1024 * 1024);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void bodyJustUnderTheCapIsRead() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"x\",\"pad\":\"" + "a".repeat(900) + "\"}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void overlongJsonStringIsRefusedNamingTheLimit() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"" + "a".repeat(5000) + "\"}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("String value length").contains("1000");
    }

    @Test
    void deeplyNestedJsonIsRefusedNamingTheLimit() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"x\",\"pad\":" + "[".repeat(40) + "]".repeat(40) + "}",
                "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nesting depth").contains("16");
    }

    @Test
    void wideJsonIsRefusedNamingTheTokenLimit() throws Exception {
        // 40 KB, under the body cap, but 4,000 tokens: bound to a tree, such a body costs many times its size
        HttpResponse<String> response = post("{\"name\":\"x\",\"pad\":[" + String.join(",", java.util.Collections.nCopies(2000, "{}"))
                + "]}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Token count").contains("1000");
    }

    @Test
    void propertyNamedTwiceIsRefusedNamingIt() throws Exception {
        // read as its last value, the second name would let a body say one thing to a proxy or a log
        // and another to the service
        HttpResponse<String> response = post("{\"name\":\"magnets\",\"size\":1,\"name\":\"other\"}", "secret-one");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Duplicate").contains("name");
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

    @JsonIgnoreProperties(ignoreUnknown = true)
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

        @GetMapping("/api/v1/broken")
        String broken() {
            throw new IllegalStateException("internal-detail");
        }

        @GetMapping("/api/v1/search")
        String search(@RequestParam String element) {
            return "found " + element;
        }
    }
}
