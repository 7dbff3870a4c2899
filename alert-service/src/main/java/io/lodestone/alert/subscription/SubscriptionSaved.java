package io.lodestone.alert.subscription;

import java.util.UUID;

/** Published inside the transaction that created or changed a subscription, so its alerts can follow the new rules. */
public record SubscriptionSaved(UUID subscriptionId) {
}
