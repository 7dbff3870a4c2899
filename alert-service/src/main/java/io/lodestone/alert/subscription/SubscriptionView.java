package io.lodestone.alert.subscription;

import io.lodestone.events.ElementGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it: Slack URLs and webhook secrets masked, the elements that
 * groups stand for spelled out.
 */
public record SubscriptionView(
        UUID id,
        String name,
        List<String> elements,
        List<ElementGroup> groups,
        List<String> watchedElements,
        Trigger trigger,
        Channels channels,
        Duration groupWait,
        Duration repeatInterval,
        boolean notifyOnResolve,
        Digest digest,
        BomLink bom,
        Instant createdAt,
        Instant updatedAt) {

    public static SubscriptionView of(Subscription subscription) {
        SubscriptionSpec spec = subscription.spec();
        Channels channels = spec.channels();
        Channels masked = new Channels(channels.email(),
                channels.slack() == null ? null : new SlackChannel(Secrets.maskUrl(channels.slack().webhookUrl())),
                channels.webhook() == null ? null : new WebhookChannel(Secrets.maskUrl(channels.webhook().url()),
                        Secrets.maskSecret(channels.webhook().secret()),
                        channels.webhook().previousSecret() == null ? null : Secrets.maskSecret(channels.webhook().previousSecret()),
                        channels.webhook().previousSecret() == null ? null : channels.webhook().previousSecretUntil()));
        return new SubscriptionView(subscription.id(), spec.name(), spec.elements(), spec.groups(),
                List.copyOf(spec.symbols()), spec.trigger(), masked, spec.groupWait(), spec.repeatInterval(),
                spec.notifyOnResolve(), spec.digest(), spec.bom(), subscription.createdAt(), subscription.updatedAt());
    }
}
