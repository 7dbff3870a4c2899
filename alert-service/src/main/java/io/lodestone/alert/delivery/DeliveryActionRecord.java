package io.lodestone.alert.delivery;

import java.time.Instant;

/**
 * An operator's action in a delivery's history.
 *
 * @param fromStatus the status the delivery had when the action was taken
 * @param reason     what the operator gave as the reason, if anything
 */
record DeliveryActionRecord(DeliveryAction action, Instant actedAt, DeliveryStatus fromStatus, String reason) {
}
