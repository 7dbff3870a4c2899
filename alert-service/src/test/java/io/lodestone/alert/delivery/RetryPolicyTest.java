package io.lodestone.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.SendOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each outcome means for a delivery: one row per rule. */
class RetryPolicyTest {

    static final AlertProperties.Delivery SETTINGS = new AlertProperties.Delivery(true, Duration.ofSeconds(1), 5,
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(10), 8, 2,
            Duration.ofMinutes(2));

    /** Jitter fixed at its maximum, so delays are exact. */
    private final RetryPolicy policy = new RetryPolicy(SETTINGS, () -> 1.0);

    @ParameterizedTest(name = "{0} {1} (Retry-After {2}) on attempt {3} -> {4} after {5}s")
    @CsvSource(nullValues = "-", textBlock = """
            # outcome     status retryAfter attempt expected delaySeconds
            DELIVERED,    200,   -,         1,      SENT,    0
            REJECTED,     500,   -,         1,      PENDING, 10
            REJECTED,     502,   -,         2,      PENDING, 20
            REJECTED,     503,   30,        1,      PENDING, 30
            REJECTED,     503,   -,         3,      PENDING, 40
            REJECTED,     429,   7,         1,      PENDING, 7
            REJECTED,     429,   86400,     1,      PENDING, 3600
            REJECTED,     500,   30,        1,      PENDING, 10
            REJECTED,     408,   -,         1,      PENDING, 10
            REJECTED,     400,   -,         1,      FAILED,  0
            REJECTED,     401,   -,         1,      FAILED,  0
            REJECTED,     404,   -,         1,      FAILED,  0
            REJECTED,     410,   -,         1,      FAILED,  0
            REJECTED,     301,   -,         1,      FAILED,  0
            UNREACHABLE,  -,     -,         1,      PENDING, 10
            UNREACHABLE,  -,     -,         4,      PENDING, 80
            UNREACHABLE,  -,     -,         5,      DEAD,    0
            REJECTED,     500,   -,         5,      DEAD,    0
            REJECTED,     404,   -,         5,      FAILED,  0
            REFUSED,      -,     -,         1,      FAILED,  0
            """)
    void decides(String outcome, Integer status, Long retryAfter, int attempt, DeliveryStatus expected, long delaySeconds) {
        RetryPolicy.Verdict verdict = policy.decide(outcome(outcome, status, retryAfter), attempt);

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(delaySeconds));
    }

    @Test
    void backoffIsCappedAndJitteredBetweenHalfAndFullStep() {
        RetryPolicy noJitter = new RetryPolicy(SETTINGS, () -> 0.0);

        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(noJitter.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(20)).isEqualTo(Duration.ofMinutes(5));
        assertThat(noJitter.backoff(40)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void withTheDefaultsTheLastRetryComesBetweenElevenAndTwentyOneMinutesAfterTheFirstAttempt() {
        // Given the settings as a deployment gets them when it sets none (the README's retry window)
        AlertProperties.Delivery defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("lodestone.alert.delivery", AlertProperties.Delivery.class);

        // When every retryable failure waits the shortest and the longest its jitter allows
        Duration shortest = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            shortest = shortest.plus(new RetryPolicy(defaults, () -> 0.0).backoff(attempt));
            longest = longest.plus(new RetryPolicy(defaults, () -> 1.0).backoff(attempt));
        }

        // Then the window is the one the README promises to webhook receivers
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(shortest).isEqualTo(Duration.ofSeconds(635));
        assertThat(longest).isEqualTo(Duration.ofSeconds(1270));
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofHours(6));
    }

    private static SendOutcome outcome(String kind, Integer status, Long retryAfter) {
        return switch (kind) {
            case "DELIVERED" -> new SendOutcome.Delivered("HTTP 200");
            case "REJECTED" -> new SendOutcome.Rejected(status, retryAfter == null ? null : Duration.ofSeconds(retryAfter), "");
            case "UNREACHABLE" -> new SendOutcome.Unreachable("connection refused");
            default -> new SendOutcome.Refused("private address");
        };
    }
}
