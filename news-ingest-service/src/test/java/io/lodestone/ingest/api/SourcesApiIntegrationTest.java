package io.lodestone.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.ingest.IngestIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sources API of the running service: what it refuses, and how (RFC 9457 problem details
 * naming the field, 404 for an unknown source, 409 for a taken id or a configured source deleted);
 * and a publisher that cannot be reached, as without internet, fails cleanly and backs off while
 * the service stays ready. Nothing here changes the shared context's sources.
 */
class SourcesApiIntegrationTest extends IngestIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}: 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no url                 | url          | {"id": "new-feed", "kind": "feed"}
            a file url             | url          | {"id": "new-feed", "kind": "feed", "url": "file:///etc/passwd"}
            a url with credentials | url          | {"id": "new-feed", "kind": "feed", "url": "https://user:pw@example.org/f"}
            an unknown kind        | kind         | {"id": "new-feed", "kind": "podcast", "url": "https://example.org/f"}
            an id in capitals      | id           | {"id": "New-Feed", "kind": "feed", "url": "https://example.org/f"}
            html without selectors | html         | {"id": "new-list", "kind": "html-list", "url": "https://example.org/l"}
            a misspelt field       | pollIntervall| {"id": "new-feed", "kind": "feed", "url": "https://example.org/f", "pollIntervall": "PT1H"}
            """)
    void aBadDefinitionIsAProblemDetailNamingTheField(String name, String field, String definition) {
        HttpResponse<String> response = post("/api/v1/sources", definition, TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(error ->
                assertThat(error.get("field").asString()).isEqualTo(field.strip()));
        assertThat(get("/api/v1/sources", TOKEN).body()).doesNotContain("new-feed").doesNotContain("new-list");
    }

    @Test
    void aTakenIdIsAConflict() {
        HttpResponse<String> response = post("/api/v1/sources",
                "{\"id\": \"notices\", \"kind\": \"feed\", \"url\": \"https://example.org/other.rss\"}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("'notices'");
    }

    @Test
    void unknownSourcesAreNotFoundAndConfiguredOnesCannotBeDeleted() {
        assertThat(send("PATCH", "/api/v1/sources/nowhere", "{\"enabled\": false}", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/sources/nowhere", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/sources/nowhere", TOKEN).statusCode()).isEqualTo(404);

        HttpResponse<String> delete = send("DELETE", "/api/v1/sources/notices", null, TOKEN);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(delete.body()).get("detail").asString()).contains("disable it instead");
        assertThat(get("/api/v1/sources/notices", TOKEN).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "PATCH {0}: 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"enabled": "no"}                   | enabled
            {}                                  | enabled
            {"enabled": true, "url": "https://example.org/x"} | url
            """)
    void onlyTheSwitchCanBePatched(String body, String field) {
        HttpResponse<String> response = send("PATCH", "/api/v1/sources/notices", body, TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors")).anySatisfy(error ->
                assertThat(error.get("field").asString()).isEqualTo(field));
    }

    @Test
    void anUnreachablePublisherFailsCleanlyAndBacksOffWhileTheServiceStaysReady() {
        // Given a source whose host refuses connections (no internet), When it has been polled
        JsonNode offline = await().atMost(Duration.ofSeconds(60)).until(() -> source("offline"),
                status -> !status.get("lastError").isNull());

        // Then its status says why, its next poll is backed off (twice its hourly interval), and the service is ready
        assertThat(offline.get("lastErrorMessage").asString()).contains("could not fetch")
                .contains("127.0.0.1:" + REFUSING_PORT);
        assertThat(offline.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(offline.get("lastSuccess").isNull()).isTrue();
        assertThat(Duration.between(Instant.parse(offline.get("lastError").asString()),
                Instant.parse(offline.get("nextPoll").asString()))).isEqualTo(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200));
        assertThat(source("offline").get("consecutiveFailures").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(source("notices").get("lastSuccess").isNull()).as("the other sources still work").isFalse());
    }

    private JsonNode source(String id) {
        return JSON.readTree(get("/api/v1/sources/" + id, TOKEN).body());
    }
}
