/**
 * Notifications and the channels that carry them. A {@link io.lodestone.alert.notify.Notification}
 * is a sealed snapshot; each channel ({@code email}, {@code slack}, {@code webhook}) is one
 * {@link io.lodestone.alert.notify.Notifier} that reports a
 * {@link io.lodestone.alert.notify.SendOutcome} and never decides about retries. Slack and
 * webhook calls go through {@link io.lodestone.alert.notify.HttpDelivery}, the egress client of
 * {@code io.lodestone.service.egress}: it connects only to addresses the SSRF rules of
 * {@link io.lodestone.alert.notify.UrlGuard} allow, and only within an overall deadline.
 */
package io.lodestone.alert.notify;
