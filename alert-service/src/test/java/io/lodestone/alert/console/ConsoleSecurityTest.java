package io.lodestone.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console with a private board (the production setting): every page wants a signed-in person,
 * pages added later included; sign-in and every form need the CSRF token; and the API answers
 * exactly as before, bearer tokens and problem details, whatever the console does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + ConsoleSecurityTest.TOKEN,
        "lodestone.console.public-board=false",
        "lodestone.console.users[0].name=buyer",
        "lodestone.console.users[0].password={noop}" + ConsoleSecurityTest.PASSWORD})
@EmbeddedKafka(partitions = 1)
class ConsoleSecurityTest {

    static final String TOKEN = "console-security-token";
    static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_console_security");
    }

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/elements/Dy", "/board/rows/Dy", "/board/events", "/subscriptions",
            "/subscriptions/new", "/silences", "/alerts", "/deliveries", "/boms", "/a-page-nobody-listed"})
    void everyPageSendsAnAnonymousVisitorToSignInWhenTheBoardIsPrivate(String path) {
        HttpResponse<String> response = new ConsoleClient(port).get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(ConsoleClient.location(response)).isEqualTo("/login");
    }

    @Test
    void theSignInPageAndTheStylesheetShowWithoutSigningIn() {
        ConsoleClient browser = new ConsoleClient(port);

        assertThat(browser.get("/login").statusCode()).isEqualTo(200);
        assertThat(browser.get("/console/console.css").statusCode()).isEqualTo(200);
        assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInBuyerSeesTheBoardWithEveryElement() {
        ConsoleClient browser = new ConsoleClient(port);

        HttpResponse<String> signedIn = browser.signIn("buyer", PASSWORD);
        HttpResponse<String> board = browser.get("/");

        assertThat(ConsoleClient.location(signedIn)).isEqualTo("/");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("dysprosium", "neodymium", "gallium", "graphite", "Sign out",
                "Heavy rare earths", "Light rare earths", "Other critical minerals");
    }

    @Test
    void anonymousVisitorsLeaveNoSessionBehind() {
        // each anonymous request used to create a session (the saved request, headers and all, and the
        // sign-in page's CSRF token), kept 30 minutes and never capped: a flood of them filled the heap
        Manager sessions = sessionManager();
        int before = sessions.getActiveSessions();
        for (int i = 0; i < 50; i++) {
            ConsoleClient visitor = new ConsoleClient(port);
            assertThat(visitor.get(i % 2 == 0 ? "/login" : "/subscriptions").statusCode()).isIn(200, 302);
        }

        assertThat(sessions.getActiveSessions() - before).isZero();
    }

    @Test
    void signingInReturnsToThePageAskedForFirst() {
        ConsoleClient browser = new ConsoleClient(port);

        assertThat(ConsoleClient.location(browser.get("/silences"))).isEqualTo("/login");
        HttpResponse<String> signedIn = browser.signIn("buyer", PASSWORD);

        assertThat(ConsoleClient.location(signedIn)).startsWith("/silences");
        assertThat(browser.get("/silences").statusCode()).isEqualTo(200);
    }

    private Manager sessionManager() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = new ConsoleClient(port).signIn("buyer", "guess");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> response = new ConsoleClient(port).post("/login",
                Map.of("username", "buyer", "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedEvenWhenSignedIn() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn("buyer", PASSWORD);

        HttpResponse<String> response = browser.post("/subscriptions", Map.of("name", "No token",
                "elements", "Dy", "triggerKind", "minLevel", "minLevel", "HIGH", "emailTo", "buyer@example.com"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/subscriptions", "/API/V1/SUBSCRIPTIONS", "/api/v1/alerts", "/actuator/metrics",
            "/schemas/alert-notification.v1.schema.json"})
    void theApiStillAnswersAnonymousCallersWithABearerChallengeAndAProblem(String path) {
        HttpResponse<String> response = new ConsoleClient(port).get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theApiServesABearerTokenWithoutSessionOrCsrf() {
        HttpResponse<String> response = new ConsoleClient(port).get("/api/v1/subscriptions",
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aConsoleSessionDoesNotOpenTheApi() {
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn("buyer", PASSWORD);

        assertThat(browser.get("/api/v1/subscriptions").statusCode()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionStaysReadableWithoutTokenOrSignIn() {
        HttpResponse<String> description = new ConsoleClient(port).get("/openapi.yaml");

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("openapi:");
    }

    @Test
    void theOperationalEndpointsStayOpen() {
        HttpResponse<String> health = new ConsoleClient(port).get("/actuator/health");

        // Up or down (this test runs no SMTP server), but answered: not a sign-in redirect, not a 401.
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\"");
    }
}
