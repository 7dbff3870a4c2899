package io.lodestone.alert.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored subscription. A deleted one keeps its row so that its alerts and deliveries stay in
 * the history; it no longer matches anything.
 */
public record Subscription(UUID id, SubscriptionSpec spec, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
