/**
 * alert-service: matches {@code element.risk.v1} against subscriptions and delivers grouped
 * notifications by email, Slack and signed webhooks; publishes the alert lifecycle on {@code alerts.v1}.
 */
package io.lodestone.alert;
