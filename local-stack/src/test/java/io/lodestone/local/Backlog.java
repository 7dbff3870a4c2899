package io.lodestone.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The records that the stack's running consumers (every consumer group with members: the story
 * stage, scoring, the alert service, and Kafka Streams' repartition topics among them) have not
 * yet consumed, counted exactly rather than read from lag gauges. Exactly: a transaction's commit
 * marker takes an offset that a consumer never reads, so a partition whose committed offset is
 * short of its end is read from that offset (read-committed) to see whether records remain or only
 * markers. A stage that consumes its last record produces to the next stage's topic in the same
 * transaction, so a count is only taken as drained when no topic's end moved while it was counted:
 * nothing was handed from one stage to the next in between.
 */
final class Backlog implements AutoCloseable {

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    Backlog(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** What was left when a wait timed out: group, partition and records, or that the ends moved. */
    private String left = "";

    /** Waits until nothing is left to consume; the time it took, or empty when the timeout passed first (see {@link #left()}). */
    java.util.Optional<Duration> awaitDrained(Duration timeout) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (drained()) {
                return java.util.Optional.of(Duration.between(start, Instant.now()));
            }
            Thread.sleep(200);
        }
        return java.util.Optional.empty();
    }

    /** What the last check found left to consume. */
    String left() {
        return left;
    }

    /** True when every running group has consumed every record, and nothing moved while that was checked. */
    boolean drained() throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (GroupListing group : admin.listGroups().all().get()) {
            // groups without members are earlier runs' or finished tools' (a restarted service's
            // per-start groups among them): nobody is going to consume for them
            if (group.groupState().map(state -> state != GroupState.EMPTY && state != GroupState.DEAD).orElse(true)) {
                committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get());
            }
        }
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        Map<TopicPartition, Long> endsBefore = ends(partitions);
        for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : committed.entrySet()) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : group.getValue().entrySet()) {
                long end = endsBefore.getOrDefault(entry.getKey(), 0L);
                if (entry.getValue() != null && entry.getValue().offset() < end) {
                    int records = recordsBetween(entry.getKey(), entry.getValue().offset(), end);
                    if (records > 0) {
                        left = String.format("%s on %s: %d record(s) from offset %d to %d", group.getKey(), entry.getKey(),
                                records, entry.getValue().offset(), end);
                        return false;
                    }
                }
            }
        }
        left = "the topics' ends moved while they were counted";
        return endsBefore.equals(ends(partitions));
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Committed records in [from, end) of one partition; transaction markers are not records. */
    private int recordsBetween(TopicPartition partition, long from, long end) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(5);
        while (reader.position(partition) < end && Instant.now().isBefore(deadline)) {
            reader.poll(Duration.ofMillis(100)).records(partition).forEach(found::add);
        }
        if (reader.position(partition) < end && found.isEmpty()) {
            return 1; // could not read up to the end in time: count it as not drained
        }
        return (int) found.stream().filter(record -> record.offset() < end).count();
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
