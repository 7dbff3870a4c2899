package io.lodestone.alert.notify;

import java.time.Duration;

/**
 * What happened when a notifier tried once. Notifiers only report; whether to retry is decided
 * elsewhere, in one place.
 */
public sealed interface SendOutcome {

    /** A short description for the attempt log; never contains a secret. */
    String detail();

    /** The receiver accepted it. */
    record Delivered(String detail) implements SendOutcome {
    }

    /**
     * The receiver answered with a non-success status.
     *
     * @param retryAfter what its {@code Retry-After} header asked for, or null
     */
    record Rejected(int status, Duration retryAfter, String detail) implements SendOutcome {
    }

    /** The receiver could not be reached or did not answer in time. */
    record Unreachable(String detail) implements SendOutcome {
    }

    /** We would not send: the destination is forbidden or the channel cannot work as configured. */
    record Refused(String detail) implements SendOutcome {
    }
}
