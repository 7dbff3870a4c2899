package io.lodestone.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The asynchronous hand-over of candidates for bulk paths (backfill), where waiting for the
 * broker after every item would cap the rate at one round trip per item. One idempotent producer
 * with {@code acks=all}: records are batched ({@value #LINGER_MS} ms, {@value #BATCH_BYTES} bytes),
 * at most {@value #IN_FLIGHT} requests are in flight, and retries keep their order, so the
 * candidates reach the single partition of the story stage in the order they were handed over.
 * It connects with the Kafka binder's own settings (brokers and {@code configuration}, so TLS and
 * SCRAM apply alike) and is opened on first use: a service that never imports opens no second
 * producer.
 */
final class CandidateProducer implements AutoCloseable {

    static final int LINGER_MS = 20;
    static final int BATCH_BYTES = 512 * 1024;
    static final int IN_FLIGHT = 5;

    private final Map<String, Object> config;
    private KafkaProducer<String, byte[]> producer;

    /** Reads the settings now, with the context, as the binder does (not at first use, when they may have changed). */
    CandidateProducer(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> settings = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"));
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, IN_FLIGHT);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "news-ingest-service-bulk");
        // consumer and key settings of the binder's shared configuration are not producer settings
        settings.keySet().removeIf(key -> key.endsWith(".deserializer") || key.endsWith(".serializer"));
        this.config = settings;
    }

    /** Sends one candidate; the future completes when the broker has it (all in-sync replicas). */
    synchronized CompletableFuture<RecordMetadata> send(String topic, String key, byte[] value) {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
            if (failure != null) {
                acknowledged.completeExceptionally(failure);
            } else {
                acknowledged.complete(metadata);
            }
        });
        return acknowledged;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
