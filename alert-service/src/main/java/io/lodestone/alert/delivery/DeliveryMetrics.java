package io.lodestone.alert.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics with low-cardinality tags only (channel, outcome, status):
 * {@code lodestone.notifications} counts deliveries once, when they end (sent, failed, dead), so
 * failures are unique failures; {@code lodestone.delivery.attempts} counts every try;
 * {@code lodestone.notification.latency} times from the risk change reaching Kafka to the send;
 * {@code lodestone.deliveries} gauges how many are pending or dead now.
 */
@Component
class DeliveryMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    private final MeterRegistry meters;
    private final DeliveryRepository deliveries;
    private final Map<DeliveryStatus, AtomicLong> counts = new EnumMap<>(DeliveryStatus.class);

    DeliveryMetrics(MeterRegistry meters, DeliveryRepository deliveries) {
        this.meters = meters;
        this.deliveries = deliveries;
        for (DeliveryStatus status : new DeliveryStatus[] {DeliveryStatus.PENDING, DeliveryStatus.DEAD}) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("lodestone.deliveries", count, AtomicLong::get)
                    .description("Deliveries in the outbox by status")
                    .tag("status", status.name().toLowerCase())
                    .register(meters);
        }
    }

    void attempted(Delivery delivery, String outcome, DeliveryStatus next, Instant finishedAt) {
        String channel = delivery.channel().name().toLowerCase();
        meters.counter("lodestone.delivery.attempts", "channel", channel, "outcome", outcome.toLowerCase()).increment();
        if (next != DeliveryStatus.PENDING) {
            meters.counter("lodestone.notifications", "channel", channel, "outcome", next.name().toLowerCase()).increment();
        }
        if (next == DeliveryStatus.SENT && delivery.sourceTime() != null) {
            Timer.builder("lodestone.notification.latency")
                    .description("From the risk change reaching Kafka to the notification being accepted")
                    .tag("channel", channel)
                    .register(meters)
                    .record(Duration.between(delivery.sourceTime(), finishedAt));
        }
    }

    @Scheduled(fixedDelayString = "${lodestone.alert.sweep-interval:1s}", initialDelay = 1000)
    void refreshGauges() {
        try {
            Map<DeliveryStatus, Long> now = deliveries.countByStatus();
            counts.forEach((status, count) -> count.set(now.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            log.debug("Could not count deliveries: {}", e.toString());
        }
    }
}
