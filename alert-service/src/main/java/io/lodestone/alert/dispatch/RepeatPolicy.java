package io.lodestone.alert.dispatch;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.notify.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a firing alert that no notification holds should be notified now: as FIRING if it was
 * never notified (it fired under a silence that has since ended), as REPEAT once the repeat
 * interval has passed since it was last notified, otherwise not.
 */
final class RepeatPolicy {

    private RepeatPolicy() {
    }

    static Optional<NotificationKind> due(Alert alert, Duration repeatInterval, boolean silencedNow, Instant now) {
        if (!alert.isFiring() || silencedNow) {
            return Optional.empty();
        }
        if (alert.lastNotifiedAt() == null) {
            return Optional.of(NotificationKind.FIRING);
        }
        return alert.lastNotifiedAt().plus(repeatInterval).isAfter(now) ? Optional.empty()
                : Optional.of(NotificationKind.REPEAT);
    }
}
