package io.lodestone.alert.lifecycle;

import io.lodestone.alert.subscription.Subscription;

/**
 * Published inside the transaction that changed an alert, so that what follows from the change
 * (the {@code alerts.v1} outbox, grouping into a notification) commits or rolls back with it.
 *
 * @param alert        the alert after the change
 * @param transition   {@link Transition#FIRE}, {@link Transition#ESCALATE} or {@link Transition#RESOLVE}
 * @param subscription its subscription
 */
public record AlertChanged(Alert alert, Transition transition, Subscription subscription) {
}
