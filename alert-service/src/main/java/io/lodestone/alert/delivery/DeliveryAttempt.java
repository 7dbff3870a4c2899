package io.lodestone.alert.delivery;

import java.time.Instant;

/**
 * One try at a delivery, as recorded.
 *
 * @param outcome    the kind of {@link io.lodestone.alert.notify.SendOutcome}: DELIVERED, REJECTED, UNREACHABLE, REFUSED, or INTERRUPTED (a send whose claim ran out before its outcome was recorded)
 * @param httpStatus the receiver's status when it answered over HTTP
 */
record DeliveryAttempt(int attempt, Instant startedAt, long durationMs, String outcome, Integer httpStatus,
                       String detail) {
}
