package io.lodestone.alert.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One grouped message to a subscription: a snapshot taken when it was sealed, so that every
 * channel and every retry says exactly the same thing.
 *
 * @param id               the notification id (the alert group)
 * @param subscriptionName the subscription's name, user-supplied text
 * @param trigger          the subscription's trigger in words
 * @param alerts           the alerts it reports, most severe first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notification(UUID id, UUID subscriptionId, String subscriptionName, String trigger,
                           NotificationKind kind, Instant createdAt, List<AlertNotice> alerts) {

    public Notification {
        alerts = List.copyOf(alerts);
    }

    public RiskLevel highestLevel() {
        return alerts.stream().map(AlertNotice::level).max(Comparator.naturalOrder()).orElse(RiskLevel.LOW);
    }

    public List<String> elements() {
        return alerts.stream().map(AlertNotice::element).toList();
    }
}
