package io.lodestone.alert.publish;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outbox rows expire ({@link Pruning}) once published more than {@code lodestone.alert.retention.events}
 * ago; rows not yet published, and parked ones, stay.
 */
@Configuration(proxyBeanMethods = false)
class PublishedEventRetention {

    @Bean
    Pruning.Job publishedEvents(AlertEventRelay relay, AlertProperties properties) {
        return new Pruning.Job("published alerts.v1 events", properties.retention().events(), relay::prunePublishedBefore);
    }
}
