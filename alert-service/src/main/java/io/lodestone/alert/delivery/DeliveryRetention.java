package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of deliveries expires ({@link Pruning}): sent deliveries (with their attempts) once they are
 * older than {@code lodestone.alert.retention.deliveries}. Failed and dead deliveries stay: they
 * are what an operator still has to look at. Records of emails sent ({@link RecipientBudget}) go
 * after a day: the budget looks back an hour, a day is plenty to read a burst from.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

    @Bean
    Pruning.Job sentDeliveries(DeliveryRepository deliveries, AlertProperties properties) {
        return new Pruning.Job("sent deliveries", properties.retention().deliveries(), deliveries::pruneSentBefore);
    }

    @Bean
    Pruning.Job emailsSent(RecipientBudget recipients) {
        return new Pruning.Job("records of emails sent", Duration.ofDays(1), recipients::pruneBefore);
    }
}
