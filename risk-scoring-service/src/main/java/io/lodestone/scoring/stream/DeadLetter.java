package io.lodestone.scoring.stream;

import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.service.DeadLetterRecords;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The key and value bytes of a record that failed, exactly as they were read; its headers travel
 * on the Kafka record, with the error headers of {@link DeadLetterHeaders} added by {@link #headers}.
 */
record DeadLetter(byte[] key, byte[] value) {

    /**
     * The original headers plus the error headers: what failed, and where the record came from.
     *
     * @param origin where the record was read, when Kafka Streams knows it
     */
    static Headers headers(Headers original, RecordMetadata origin, long timestamp, Exception error) {
        return origin == null
                ? DeadLetterRecords.headers(original, null, 0, 0, timestamp, error)
                : DeadLetterRecords.headers(original, origin.topic(), origin.partition(), origin.offset(), timestamp, error);
    }
}
