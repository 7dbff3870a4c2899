package io.lodestone.alert.subscription;

import java.time.Instant;
import java.util.UUID;

/** Published inside the deleting transaction, so the alert lifecycle can end the subscription's alerts. */
public record SubscriptionDeleted(UUID subscriptionId, Instant deletedAt) {
}
