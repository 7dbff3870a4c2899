package io.lodestone.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.service.api.ClientBudget;
import io.lodestone.testsupport.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each client's rate limit over real HTTP: a budget of three requests that earns one back every
 * ten seconds, so that nothing refills while a test runs. Every test spends the budget of a token
 * of its own; only one spends the budget of this machine's address.
 */
@SpringBootTest(classes = RateLimitTest.LimitedApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestone.api.tokens=t-burst,t-other,t-health,t-charge,t-spare,t-dear",
                "lodestone.api.rate-limit.per-second=0.1", "lodestone.api.rate-limit.burst=3",
                // the share of threads is RequestsInProgressTest's: a request whose answer the
                // client has read may still hold its thread for a moment, so back-to-back
                // requests of one client can overlap, and a share of two would refuse them
                "lodestone.api.rate-limit.max-concurrent=100",
                "lodestone.api.rate-limit.costs[0].method=POST", "lodestone.api.rate-limit.costs[0].path=/api/v1/sign-in",
                "lodestone.api.rate-limit.costs[0].units=2"})
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @Test
    void aClientPastItsBudgetIsAnswered429WithRetryAfterAndAProblemDetail() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/things", "t-burst").status()).isEqualTo(200);
        }

        RawHttp.Response refused = get("/api/v1/things", "t-burst");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        // one unit at 0.1 a second: ten seconds
        assertThat(refused.header("Retry-After")).isEqualTo("10");
        assertThat(refused.body()).contains("\"title\":\"Too many requests\"", "lodestone.api.rate-limit.per-second")
                .doesNotContain("t-burst");
        assertThat(meters.counter("lodestone.api.requests.limited", "client", "token").count()).isPositive();
        // another client is not held back by the first
        assertThat(get("/api/v1/things", "t-other").status()).isEqualTo(200);
    }

    @Test
    void probesAndScrapersAreNeverLimited() {
        get("/api/v1/things", "t-health");
        get("/api/v1/things", "t-health");
        get("/api/v1/things", "t-health");

        IntStream.range(0, 10).forEach(i -> {
            assertThat(get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(get("/actuator/health", "t-health").status()).isEqualTo(200);
        });
        assertThat(get("/api/v1/things", "t-health").status()).isEqualTo(429);
    }

    @Test
    void guessedTokensAreChargedToTheAddressTheyComeFrom() {
        // whatever token is guessed, the guesses share this machine's one budget of three: by the
        // fourth guess at the latest (fewer if something else from this address spent some) the
        // answer is no longer a 401 but a 429
        RawHttp.Response refused = null;
        for (int i = 0; i < 4 && refused == null; i++) {
            RawHttp.Response guessed = get("/api/v1/things", "guess-" + i);
            if (guessed.status() != 401) {
                refused = guessed;
            }
        }

        assertThat(refused).as("a guess refused for the address's budget").isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(get("/actuator/health/../../api/v1/things", null).status()).isEqualTo(429);
        assertThat(meters.counter("lodestone.api.requests.limited", "client", "address").count()).isPositive();
        // a configured token is a client of its own, whatever its address has spent
        assertThat(get("/api/v1/things", "t-spare").status()).isEqualTo(200);
    }

    @Test
    void workChargedByTheEndpointIsRefusedWhenTheBudgetDoesNotCoverItAndNothingIsTaken() {
        RawHttp.Response tooDear = raw.send("POST", "/api/v1/work?units=5", bearer("t-charge"), "");

        assertThat(tooDear.status()).isEqualTo(429);
        assertThat(tooDear.header("Retry-After")).isNotBlank();
        assertThat(tooDear.body()).contains("\"title\":\"Too many requests\"", "6 units (5 test units)");

        // the refused charge took nothing but the request itself: two units are left
        assertThat(raw.send("POST", "/api/v1/work?units=1", bearer("t-charge"), "").status()).isEqualTo(200);
        assertThat(get("/api/v1/things", "t-charge").status()).isEqualTo(429);
    }

    @Test
    void aRequestDeclaredExpensiveCostsWhatTheSettingsSay() {
        // three units: one sign-in costs two, so the second is refused while reads still pass
        assertThat(raw.send("POST", "/api/v1/sign-in", bearer("t-dear"), "").status()).isEqualTo(200);
        assertThat(raw.send("POST", "/api/v1/sign-in", bearer("t-dear"), "").status()).isEqualTo(429);
        assertThat(get("/api/v1/things", "t-dear").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1,127.0.0.1", "2001:db8:1:2:3:4:5:6,20010db800010002::/64",
            "2001:db8:1:2:ffff:ffff:ffff:ffff,20010db800010002::/64", "[::1],0000000000000000::/64",
            "not-an-address,not-an-address"})
    void anIpv6ClientCountsByItsNetwork(String address, String client) {
        assertThat(ClientNetworks.of(address)).isEqualTo(client);
    }

    private RawHttp.Response get(String path, String token) {
        return raw.send("GET", path, token == null ? Map.of() : bearer(token), null);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @SpringBootApplication
    @RestController
    static class LimitedApi {

        private final ClientBudget budget;

        LimitedApi(ClientBudget budget) {
            this.budget = budget;
        }

        @GetMapping("/api/v1/things")
        String things() {
            return "[]";
        }

        static volatile CountDownLatch holding = new CountDownLatch(0);
        static volatile CountDownLatch held = new CountDownLatch(0);

        /** Answers once the test lets it: a request held open, as a slow client holds one. */
        @GetMapping("/api/v1/hold")
        String hold() throws InterruptedException {
            holding.countDown();
            return held.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
        }

        @PostMapping("/api/v1/sign-in")
        String signIn() {
            return "signed in";
        }

        @PostMapping("/api/v1/echo")
        String echo(@RequestBody String body) {
            return "echo: " + body;
        }

        @PostMapping("/api/v1/work")
        String work(@RequestParam int units, HttpServletRequest request) {
            budget.charge(request, units, units + " test units");
            return "done";
        }
    }
}
