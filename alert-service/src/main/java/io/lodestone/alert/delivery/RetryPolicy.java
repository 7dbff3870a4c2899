package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.SendOutcome;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The one place that decides what an attempt's outcome means for a delivery, like
 * Alertmanager's retrier: 2xx is sent; 5xx, 408, 425, 429 and transport failures are retried
 * with exponential backoff and jitter, or after {@code Retry-After} when a 429 or 503 asks for
 * it; other statuses and refusals fail at once; the last allowed attempt makes a retryable
 * failure dead.
 */
final class RetryPolicy {

    /** Statuses below 500 that say "try again later". */
    static final Set<Integer> RETRYABLE_CLIENT_STATUSES = Set.of(408, 425, 429);
    /** Statuses whose {@code Retry-After} is honoured. */
    static final Set<Integer> RETRY_AFTER_STATUSES = Set.of(429, 503);

    /** What to do with the delivery after an attempt. */
    record Verdict(DeliveryStatus status, Duration delay) {
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    RetryPolicy(AlertProperties.Delivery delivery, DoubleSupplier random) {
        this.maxAttempts = delivery.maxAttempts();
        this.initialBackoff = delivery.initialBackoff();
        this.maxBackoff = delivery.maxBackoff();
        this.maxRetryAfter = delivery.maxRetryAfter();
        this.random = random;
    }

    /**
     * @param attempt the number of the attempt that produced the outcome, starting at 1
     */
    Verdict decide(SendOutcome outcome, int attempt) {
        if (outcome instanceof SendOutcome.Delivered) {
            return new Verdict(DeliveryStatus.SENT, Duration.ZERO);
        }
        if (!isRetryable(outcome)) {
            return new Verdict(DeliveryStatus.FAILED, Duration.ZERO);
        }
        if (attempt >= maxAttempts) {
            return new Verdict(DeliveryStatus.DEAD, Duration.ZERO);
        }
        return new Verdict(DeliveryStatus.PENDING, delayAfter(outcome, attempt));
    }

    static boolean isRetryable(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Unreachable) {
            return true;
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return rejected.status() >= 500 || RETRYABLE_CLIENT_STATUSES.contains(rejected.status());
        }
        return false;
    }

    private Duration delayAfter(SendOutcome outcome, int attempt) {
        if (outcome instanceof SendOutcome.Rejected rejected && rejected.retryAfter() != null
                && RETRY_AFTER_STATUSES.contains(rejected.status())) {
            return min(rejected.retryAfter(), maxRetryAfter);
        }
        return backoff(attempt);
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random. */
    Duration backoff(int attempt) {
        long step = initialBackoff.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(step, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
