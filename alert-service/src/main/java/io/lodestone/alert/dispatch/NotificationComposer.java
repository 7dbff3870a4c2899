package io.lodestone.alert.dispatch;

import io.lodestone.alert.lifecycle.Alert;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.NotificationKind;
import io.lodestone.events.Elements;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Decides what a due notification says. A firing or repeat notice only reports alerts that are
 * still firing and not silenced now (one that resolved within the group wait is not news); a
 * resolve notice only reports resolved alerts. Most severe first, then catalogue order.
 */
final class NotificationComposer {

    private static final List<String> CATALOGUE = Elements.all().stream().map(e -> e.symbol()).toList();

    private NotificationComposer() {
    }

    /**
     * @param members  the alerts that joined, with the change each joined for
     * @param silenced whether an alert is silenced now
     */
    static List<AlertNotice> compose(NotificationKind kind, Map<UUID, AlertNotice.Change> members, List<Alert> alerts,
                                     Predicate<Alert> silenced) {
        return alerts.stream()
                .filter(alert -> members.containsKey(alert.id()))
                .filter(alert -> kind == NotificationKind.RESOLVED ? !alert.isFiring() : alert.isFiring())
                .filter(silenced.negate())
                .sorted(Comparator.comparing(Alert::level).reversed()
                        .thenComparing(alert -> CATALOGUE.indexOf(alert.element())))
                .map(alert -> new AlertNotice(alert.id(), alert.element(), members.get(alert.id()), alert.level(),
                        alert.score(), alert.previousLevel(), alert.previousScore(), alert.firedAt(),
                        alert.resolvedAt(), alert.evidence()))
                .toList();
    }
}
