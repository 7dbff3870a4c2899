package io.lodestone.alert.dispatch;

import io.lodestone.alert.subscription.Digest;
import io.lodestone.alert.subscription.SubscriptionSpec;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When a notification opened now is due: after the subscription's group wait, or at the next
 * digest time in the subscription's zone (daylight-saving gaps move it to the first valid time).
 */
final class GroupTiming {

    private GroupTiming() {
    }

    static Instant dueAt(SubscriptionSpec spec, Instant now) {
        Digest digest = spec.digest();
        if (digest == null) {
            return now.plus(spec.groupWait());
        }
        ZonedDateTime local = now.atZone(digest.zone());
        ZonedDateTime today = local.toLocalDate().atTime(digest.at()).atZone(digest.zone());
        return (today.toInstant().isAfter(now) ? today : local.toLocalDate().plusDays(1).atTime(digest.at())
                .atZone(digest.zone())).toInstant();
    }
}
