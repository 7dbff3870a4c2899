package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent deliveries (with their attempts) once they are older than
 * {@code lodestone.alert.retention.deliveries}, in small batches ({@link Pruning}).
 * Failed and dead deliveries stay: they are what an operator still has to look at. Records of
 * emails sent ({@link RecipientBudget}) go after a day.
 */
@Component
class DeliveryRetention {

    private final DeliveryRepository deliveries;
    private final RecipientBudget recipients;
    private final AlertProperties.Retention retention;
    private final Clock clock;

    DeliveryRetention(DeliveryRepository deliveries, RecipientBudget recipients, AlertProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.retention.interval:1h}", initialDelayString = "${lodestone.alert.retention.interval:1h}")
    void prune() {
        Pruning.olderThan("sent deliveries", retention.deliveries(), clock, deliveries::pruneSentBefore);
        // the recipient budget looks back an hour; a day of records is plenty to read a burst from
        Pruning.olderThan("records of emails sent", Duration.ofDays(1), clock, recipients::pruneBefore);
    }
}
