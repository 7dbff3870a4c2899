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
 * @param bom             the bill of materials whose elements are watched too, or null
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
        Digest digest,
        BomLink bom) {

    public SubscriptionSpec {
        elements = elements == null ? List.of() : List.copyOf(elements);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A subscription without a bill of materials. */
    public SubscriptionSpec(String name, List<String> elements, List<ElementGroup> groups, Trigger trigger,
                            Channels channels, Duration groupWait, Duration repeatInterval, boolean notifyOnResolve,
                            Digest digest) {
        this(name, elements, groups, trigger, channels, groupWait, repeatInterval, notifyOnResolve, digest, null);
    }

    /** Every element symbol watched, directly or through a group, in catalogue order. */
    public Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>(elements);
        groups.forEach(group -> symbols.addAll(Elements.membersOf(group)));
        if (bom != null) {
            symbols.addAll(bom.elements());
        }
        return symbols;
    }

    public boolean watches(String element) {
        return elements.contains(element) || groups.stream().anyMatch(g -> Elements.membersOf(g).contains(element))
                || bom != null && bom.elements().contains(element);
    }
}
