package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent deliveries (with their attempts) once they are older than
 * {@code lodestone.alert.retention.deliveries}, in small batches so no transaction grows large.
 * Failed and dead deliveries stay: they are what an operator still has to look at.
 */
@Component
class DeliveryRetention {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final DeliveryRepository deliveries;
    private final AlertProperties.Retention retention;
    private final Clock clock;

    DeliveryRetention(DeliveryRepository deliveries, AlertProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.retention.interval:1h}", initialDelayString = "${lodestone.alert.retention.interval:1h}")
    void prune() {
        try {
            int deleted = 0;
            int batch;
            do {
                batch = deliveries.pruneSentBefore(clock.instant().minus(retention.deliveries()), BATCH);
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                log.info("Deleted {} sent deliveries older than {}", deleted, retention.deliveries());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning sent deliveries failed; will try again: {}", e.toString());
        }
    }
}
