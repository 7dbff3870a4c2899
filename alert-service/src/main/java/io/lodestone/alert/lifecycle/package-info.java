/**
 * The alert lifecycle: each {@code element.risk.v1} record is matched against subscriptions,
 * alerts fire, escalate and resolve per subscription and element, and the history is kept and
 * served on {@code /api/v1/alerts}. What follows from a change is decoupled through
 * {@link io.lodestone.alert.lifecycle.AlertChanged}, handled inside the same transaction.
 */
package io.lodestone.alert.lifecycle;
