package io.lodestone.alert.notify.slack;

import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.HttpDelivery;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.SlackChannel;
import io.lodestone.alert.subscription.Subscription;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Posts a Block Kit message to the subscription's Slack incoming webhook. */
@Component
class SlackNotifier implements Notifier {

    private final HttpDelivery http;
    private final JsonMapper json;

    SlackNotifier(HttpDelivery http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public SendOutcome send(Notification notification, Subscription subscription, UUID deliveryId) {
        SlackChannel slack = subscription.spec().channels().slack();
        if (slack == null) {
            return new SendOutcome.Refused("the subscription no longer has a Slack channel");
        }
        if (slack.webhookUrl() == null) {
            return new SendOutcome.Refused("the Slack URL cannot be decrypted with the configured keys");
        }
        byte[] body = json.writeValueAsBytes(SlackMessage.of(notification));
        return http.post(slack.webhookUrl(), "application/json; charset=utf-8", body, Map.of());
    }
}
