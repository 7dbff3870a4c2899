package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import java.time.Instant;
import java.util.UUID;

/** One notification over one channel, and how far its delivery has got. */
record Delivery(UUID id, String idempotencyKey, UUID notificationId, UUID subscriptionId, Channel channel, String kind,
                DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                Instant sentAt, Instant sourceTime) {
}
