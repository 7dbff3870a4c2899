/**
 * The webhook channel: CloudEvents structured-mode JSON POSTed to the subscriber, signed per the
 * Standard Webhooks specification ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}).
 */
package io.lodestone.alert.notify.webhook;
