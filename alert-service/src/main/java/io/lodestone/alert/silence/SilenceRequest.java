package io.lodestone.alert.silence;

import io.lodestone.events.ElementGroup;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param elements       element symbols to mute
 * @param groups         element groups to mute
 * @param subscriptionId only this subscription's alerts, or every subscription's when null
 * @param startsAt       when muting starts; now when null
 * @param endsAt         when muting ends (required)
 * @param comment        why, for the people who read the history
 * @param createdBy      who
 */
record SilenceRequest(List<String> elements, List<ElementGroup> groups, UUID subscriptionId, Instant startsAt,
                      Instant endsAt, String comment, String createdBy) {
}
