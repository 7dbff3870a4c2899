package io.lodestone.alert.notify.webhook;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.HttpDelivery;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.WebhookChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the notification as a CloudEvent in structured mode, signed per Standard Webhooks. The
 * {@code webhook-id} (and the event id) is the delivery id, the same on every retry, so a
 * receiver that remembers ids processes each notification once.
 */
@Component
class WebhookNotifier implements Notifier {

    static final String EVENT_TYPE = "io.lodestone.alert.notification.v1";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final HttpDelivery http;
    private final JsonMapper json;
    private final AlertProperties properties;
    private final Clock clock;

    WebhookNotifier(HttpDelivery http, JsonMapper json, AlertProperties properties, Clock clock) {
        this.http = http;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public SendOutcome send(Notification notification, Subscription subscription, UUID deliveryId) {
        WebhookChannel webhook = subscription.spec().channels().webhook();
        if (webhook == null) {
            return new SendOutcome.Refused("the subscription no longer has a webhook channel");
        }
        if (webhook.secret() == null) {
            return new SendOutcome.Refused("the webhook's signing secret cannot be decrypted with the configured keys");
        }
        byte[] body = json.writeValueAsBytes(cloudEvent(notification, deliveryId));
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        // during a secret rotation, one signature per secret, space-separated (Standard Webhooks)
        String signatures = webhook.signingSecrets(now).stream()
                .map(secret -> WebhookSigner.signature(secret, deliveryId.toString(), timestamp, body))
                .collect(Collectors.joining(" "));
        Map<String, String> headers = Map.of(
                "webhook-id", deliveryId.toString(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signatures);
        return http.post(webhook.url(), CONTENT_TYPE, body, headers);
    }

    private Map<String, Object> cloudEvent(Notification notification, UUID deliveryId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", deliveryId.toString());
        event.put("source", properties.source());
        event.put("type", EVENT_TYPE);
        event.put("subject", notification.subscriptionId().toString());
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(notification.createdAt()));
        event.put("datacontenttype", "application/json");
        event.put("data", notification);
        return event;
    }
}
