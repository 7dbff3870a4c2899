package io.lodestone.alert.delivery;

public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver accepted it. */
    SENT,
    /** Failed in a way retrying cannot fix (most 4xx, a refused destination). */
    FAILED,
    /** Every allowed attempt failed. */
    DEAD
}
