package io.lodestone.scoring.stream;

import io.lodestone.events.SupplyEventDetected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads each record of {@code supply.events.v1} as a {@code SupplyEventDetected}. A record that
 * is not one (bad JSON, a field out of range, no value at all) is poison: it goes on marked with
 * the error headers Spring's dead-letter publisher uses, keeps its original bytes and headers,
 * and is written to the dead-letter topic in the same transaction, so it is neither lost nor
 * retried forever.
 */
final class SupplyEventParser implements FixedKeyProcessor<String, byte[], ParsedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SupplyEventParser.class);

    private final RiskObserver observer;
    private FixedKeyProcessorContext<String, ParsedEvent> context;

    SupplyEventParser(RiskObserver observer) {
        this.observer = observer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParsedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("record has no value");
            }
            SupplyEventDetected event = Json.MAPPER.readValue(record.value(), SupplyEventDetected.class);
            if (event == null) {
                throw new IllegalArgumentException("record value is JSON null");
            }
            context.forward(record.withValue(ParsedEvent.ok(event)));
        } catch (RuntimeException e) {
            RecordMetadata origin = context.recordMetadata().orElse(null);
            log.warn("Poison record key={} {} sent to the dead-letter topic: {}", record.key(),
                    origin == null ? "" : origin.topic() + "-" + origin.partition() + "@" + origin.offset(), e.getMessage());
            context.forward(record.withValue(ParsedEvent.poison(record.value()))
                    .withHeaders(errorHeaders(record.headers(), origin, e)));
            observer.deadLettered();
        }
    }

    static Headers errorHeaders(Headers original, RecordMetadata origin, Exception error) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders(original.toArray());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(error.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(error.getMessage())));
        if (origin != null) {
            headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(origin.topic()));
            headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(origin.partition()).array());
            headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array());
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
