package io.lodestone.service;

import io.lodestone.events.CloudEvents;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns a contract record into the message a binding sends: the record key, the payload, and the
 * CloudEvents attributes as raw UTF-8 headers. Raw bytes matter: the binder would otherwise
 * JSON-quote string headers, and a plain CloudEvents consumer would read {@code "\"1.0\""}.
 * The key is a string; the shared defaults set the binder's key serializer to match.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /**
     * A message for {@code payload}, keyed by {@code key}, with a fresh {@code ce_id}.
     *
     * @param source the producing service as a URI reference, e.g. {@code /lodestone/news-ingest-service}
     * @param time   when the occurrence happened (event time, not send time)
     */
    public static <T> Message<T> of(String key, T payload, String source, Instant time) {
        CloudEvents attributes = CloudEvents.of(UUID.randomUUID().toString(), payload, source, time);
        MessageBuilder<T> builder = MessageBuilder.withPayload(payload).setHeader(KafkaHeaders.KEY, key);
        attributes.headerBytes().forEach(builder::setHeader);
        return builder.build();
    }
}
