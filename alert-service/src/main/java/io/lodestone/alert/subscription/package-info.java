/**
 * Subscriptions: which elements or groups a person watches, when an alert fires, where and how
 * notifications go. Stored in PostgreSQL, managed over {@code /api/v1/subscriptions}; secrets
 * are masked in every response and in every {@code toString}.
 */
package io.lodestone.alert.subscription;
