package io.lodestone.alert.delivery;

/** Where a delivery stands. DEAD and FAILED stay until an operator resends or cancels them. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver accepted it. */
    SENT,
    /** Failed in a way retrying cannot fix (most 4xx, a refused destination). */
    FAILED,
    /** Every allowed attempt failed. */
    DEAD,
    /** An operator cancelled it: it is never sent (a dead, failed or waiting delivery no longer wanted). */
    CANCELLED
}
