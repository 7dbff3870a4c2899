/** The Slack channel: incoming webhooks with Block Kit messages. */
package io.lodestone.alert.notify.slack;
