package io.lodestone.alert.subscription;

import io.lodestone.events.ElementGroup;
import java.time.Duration;
import java.util.List;

/**
 * A subscription as a client sends it; {@link SubscriptionValidator} turns it into a
 * {@link SubscriptionSpec}. On update, a Slack URL or webhook secret left out keeps the stored
 * one, since clients never get them back.
 */
record SubscriptionRequest(
        String name,
        List<String> elements,
        List<ElementGroup> groups,
        Trigger trigger,
        Channels channels,
        Duration groupWait,
        Duration repeatInterval,
        Boolean notifyOnResolve,
        Digest digest,
        BomLink bom) {

    /** A request without a bill of materials. */
    SubscriptionRequest(String name, List<String> elements, List<ElementGroup> groups, Trigger trigger,
                        Channels channels, Duration groupWait, Duration repeatInterval, Boolean notifyOnResolve,
                        Digest digest) {
        this(name, elements, groups, trigger, channels, groupWait, repeatInterval, notifyOnResolve, digest, null);
    }
}
