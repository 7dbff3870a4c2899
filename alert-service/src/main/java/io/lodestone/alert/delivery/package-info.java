/**
 * The delivery outbox: pending deliveries written with the decision to notify, a dispatcher that
 * claims them under a lease and sends them outside any transaction on bounded senders, with
 * retries ({@code RetryPolicy} is the one place that decides), every attempt recorded, the history
 * on {@code /api/v1/deliveries}, retention of sent deliveries, and delivery metrics.
 */
package io.lodestone.alert.delivery;
