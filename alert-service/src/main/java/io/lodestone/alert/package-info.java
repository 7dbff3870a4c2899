/**
 * alert-service: matches {@code element.risk.v1} against subscriptions, fires and resolves alerts,
 * groups them into notifications, and delivers those by email, Slack and signed webhooks through a
 * transactional outbox; publishes the alert lifecycle on {@code alerts.v1}.
 * Features live in sub-packages: {@code subscription}, {@code silence}, {@code lifecycle},
 * {@code publish}, {@code dispatch}, {@code delivery}, {@code notify}, {@code bom} (bills of
 * materials and their exposure).
 */
package io.lodestone.alert;
