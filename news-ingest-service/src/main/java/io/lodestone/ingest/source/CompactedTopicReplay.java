package io.lodestone.ingest.source;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * How far each replica has read the compacted topics it replays from the start at every start
 * (notices already read, operators' source changes): a binding has caught up once it has read
 * every partition up to the end offset it had when first assigned. One listener for all bindings,
 * because the binder uses a rebalance listener only when there is exactly one.
 */
@Component
class CompactedTopicReplay implements KafkaBindingRebalanceListener {

    /** Binding → partition → end offset at assignment, for partitions not yet read up to it. */
    private final Map<String, Map<Integer, Long>> catchingUp = new ConcurrentHashMap<>();
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();

    /** Notes that {@code binding} has read {@code message}. */
    void read(String binding, Message<?> message) {
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        Map<Integer, Long> pending = catchingUp.get(binding);
        if (partition != null && offset != null && pending != null) {
            pending.computeIfPresent(partition, (p, end) -> offset + 1 >= end ? null : end);
        }
    }

    /** True once {@code binding} has read what its topic held when this replica started. */
    boolean caughtUp(String binding) {
        return assigned.contains(binding) && catchingUp.getOrDefault(binding, Map.of()).isEmpty();
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions, boolean initial) {
        if (!initial) {
            return;
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<Integer, Long> pending = new ConcurrentHashMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> {
            if (end > begin.getOrDefault(partition, 0L)) {
                pending.put(partition.partition(), end);
            }
        });
        catchingUp.put(bindingName, pending);
        assigned.add(bindingName);
    }
}
