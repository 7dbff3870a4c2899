/**
 * The delivery outbox: pending deliveries written with the decision to notify, a dispatcher that
 * sends them with retries ({@code RetryPolicy} is the one place that decides), every attempt
 * recorded, the history on {@code /api/v1/deliveries}, and delivery metrics.
 */
package io.lodestone.alert.delivery;
