package io.lodestone.alert.subscription;

import io.lodestone.alert.notify.Channel;
import java.util.ArrayList;
import java.util.List;

/** Where a subscription's notifications go; any combination, at least one. */
public record Channels(EmailChannel email, SlackChannel slack, WebhookChannel webhook) {

    /** The channels that are set, in a stable order. */
    public List<Channel> configured() {
        List<Channel> channels = new ArrayList<>();
        if (email != null) {
            channels.add(Channel.EMAIL);
        }
        if (slack != null) {
            channels.add(Channel.SLACK);
        }
        if (webhook != null) {
            channels.add(Channel.WEBHOOK);
        }
        return List.copyOf(channels);
    }
}
