package io.lodestone.alert.silence;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mutes notifications of matching alerts between two instants. Alerts still fire, resolve and
 * are recorded; they are only not sent. An alert matches when its element is listed or belongs
 * to a listed group (any element when none is listed) and, if the silence names a subscription,
 * it belongs to that subscription.
 */
public record Silence(UUID id, List<String> elements, List<ElementGroup> groups, UUID subscriptionId,
                      Instant startsAt, Instant endsAt, String comment, String createdBy, Instant createdAt) {

    public Silence {
        elements = elements == null ? List.of() : List.copyOf(elements);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean matches(UUID subscription, String element) {
        if (subscriptionId != null && !subscriptionId.equals(subscription)) {
            return false;
        }
        if (elements.isEmpty() && groups.isEmpty()) {
            return true;
        }
        return elements.contains(element) || groups.stream().anyMatch(g -> Elements.membersOf(g).contains(element));
    }
}
