package io.lodestone.service.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordTimeOrNowTest {

    private final RecordTimeOrNow extractor = new RecordTimeOrNow();

    @Test
    void aValidRecordTimeIsKept() {
        assertThat(extractor.extract(record(1_700_000_000_000L), 1_800_000_000_000L)).isEqualTo(1_700_000_000_000L);
        assertThat(extractor.extract(record(0L), 5L)).isZero();
    }

    @Test
    void aNegativeRecordTimeIsReadAtThePartitionsTime() {
        assertThat(extractor.extract(record(-1L), 1_800_000_000_000L)).isEqualTo(1_800_000_000_000L);
    }

    @Test
    void aNegativeRecordTimeOnAPartitionWithoutTimeIsReadAtTheClock() {
        long before = System.currentTimeMillis();

        long time = extractor.extract(record(-1L), -1L);

        assertThat(time).isBetween(before, System.currentTimeMillis());
    }

    private static ConsumerRecord<Object, Object> record(long timestamp) {
        return new ConsumerRecord<>("supply.events.v1", 0, 0L, timestamp, TimestampType.CREATE_TIME, 0, 0, "key", "value",
                new RecordHeaders(), Optional.empty());
    }
}
