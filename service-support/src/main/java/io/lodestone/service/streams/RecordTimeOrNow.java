package io.lodestone.service.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The record's own timestamp; for a record without a valid one (negative, as a producer that sets
 * the field itself can write), the partition's time, or the clock's when the partition has none
 * yet. Kafka Streams' default fails the stream thread on such a record before any handler sees it,
 * and a restart reads the same record again: one record stopped a stage for good. The stages read
 * event time from the payload, so the record's time only orders the stream.
 * <p>
 * Set as the stages' {@code default.timestamp.extractor}.
 */
public class RecordTimeOrNow implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long recordTime = record.timestamp();
        if (recordTime >= 0) {
            return recordTime;
        }
        return partitionTime >= 0 ? partitionTime : System.currentTimeMillis();
    }
}
