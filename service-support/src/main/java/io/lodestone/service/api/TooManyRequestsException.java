package io.lodestone.service.api;

import java.time.Duration;

/**
 * A client spent its budget ({@link ClientBudget}): answered 429 with {@code Retry-After}, as the
 * rate-limit filter answers a request past the limit, so a client sees one kind of refusal
 * whichever charge it hit.
 */
public class TooManyRequestsException extends RuntimeException {

    /** The problem detail's title, from the filter and the controllers alike. */
    public static final String TITLE = "Too many requests";

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in whole seconds (RFC 9110), at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
