package io.lodestone.alert.subscription;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a subscription says, validated and with defaults applied.
 *
 * @param name            a label for people
 * @param elements        element symbols watched individually
 * @param groups          element groups watched, each standing for its members
 * @param trigger         when an alert fires
 * @param channels        where notifications go
 * @param groupWait       how long alert changes collect before one notification goes out
 * @param repeatInterval  how often a still-firing alert is notified again
 * @param notifyOnResolve whether resolution is notified
 * @param digest          a daily digest time instead of immediate notifications, or null
 */
public record SubscriptionSpec(
        String name,
        List<String> elements,
        List<ElementGroup> groups,
        Trigger trigger,
        Channels channels,
        Duration groupWait,
        Duration repeatInterval,
        boolean notifyOnResolve,
        Digest digest) {

    public SubscriptionSpec {
        elements = elements == null ? List.of() : List.copyOf(elements);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Every element symbol watched, directly or through a group, in catalogue order. */
    public Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>(elements);
        groups.forEach(group -> symbols.addAll(Elements.membersOf(group)));
        return symbols;
    }

    public boolean watches(String element) {
        return elements.contains(element) || groups.stream().anyMatch(g -> Elements.membersOf(g).contains(element));
    }
}
