package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Polling waits until every source change written before the start has been read. A record that
 * holds no change (JSON null) or one that fails to apply must still count as read: otherwise the
 * replica never catches up, and no source is polled again while its health stays UP.
 */
class KafkaSourceOverridesTest {

    @Test
    void aChangeRecordThatCannotBeAppliedStillCountsAsRead() {
        CompactedTopicReplay replay = new CompactedTopicReplay();
        TopicPartition partition = new TopicPartition(KafkaSourceOverrides.TOPIC, 0);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 2L));
        replay.onPartitionsAssigned(KafkaSourceOverrides.INPUT, consumer, List.of(partition), true);
        // no sources to apply changes to: applying any change fails
        Consumer<Message<byte[]>> apply = new KafkaSourceOverrides(null, replay).applySourceOverrides(null);

        apply.accept(record("beta", "null", 0));
        apply.accept(record("gamma", "{\"enabled\": false}", 1));

        assertThat(replay.caughtUp(KafkaSourceOverrides.INPUT)).isTrue();
    }

    private static Message<byte[]> record(String sourceId, String value, long offset) {
        return MessageBuilder.withPayload(value.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.RECEIVED_KEY, sourceId.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, 0)
                .setHeader(KafkaHeaders.OFFSET, offset)
                .build();
    }
}
