package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.service.CloudEventMessages;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Sends supply events to {@code supply.events.v1}, keyed by event id, with CloudEvents headers.
 * The binding is synchronous ({@code sync: true} in application.yml), so {@link #publish} returns
 * only after the broker acknowledged the record and throws if it did not: an item accepted by the
 * push API is never lost silently.
 */
@Component
class SupplyEventPublisher {

    static final String BINDING = "supplyEvents";
    static final String SOURCE = "/lodestone/news-ingest-service";

    private final StreamBridge bridge;

    SupplyEventPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    void publish(SupplyEventDetected event) {
        boolean sent = bridge.send(BINDING, CloudEventMessages.of(event.eventId(), event, SOURCE, event.publishedAt()));
        if (!sent) {
            throw new PublishFailedException("the broker did not accept event " + event.eventId(), null);
        }
    }
}
