package io.lodestone.ingest.backfill;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.MessageType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the dataset of measures in force ({@link MeasuresInForce}) to {@code supply.events.v1}:
 * each entry whose event id the topic does not hold yet, as is, keyed by its id, with CloudEvents
 * headers whose {@code ce_id} is the event id (a replay is recognisably the same event). So the first
 * start of a new deployment publishes the whole dataset, a later start publishes only entries a new
 * release added, and nothing is published twice by this service. Should two replicas replay at the
 * same moment and both publish an entry, risk scoring counts an event id once (the later copy
 * replaces the earlier), so the second copy changes no score and raises no alert.
 * <p>
 * The entries bypass extraction and the story stage: they are already events, curated by hand, and
 * must keep their ids and sources.
 */
@Component
public class MeasuresReplay {

    /** {@code ce_source} of the records a replay writes. */
    static final String SOURCE = "/lodestone/news-ingest-service/measures-in-force";

    /** What a replay did. */
    public record Result(int published, int alreadyOnTopic) {
    }

    private final Environment environment;
    private final JsonMapper json;

    MeasuresReplay(Environment environment, JsonMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** Publishes the entries the topic lacks; fails (and publishes nothing more) if the broker does not answer within {@code timeout}. */
    public Result replay(Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> clientSettings = clientSettings();
        Set<String> onTopic = idsOnTopic(clientSettings, deadline);
        List<String> missing = new ArrayList<>();
        for (String line : MeasuresInForce.lines()) {
            if (!onTopic.contains(json.readValue(line, SupplyEventDetected.class).eventId())) {
                missing.add(line);
            }
        }
        publish(clientSettings, missing, deadline);
        return new Result(missing.size(), MeasuresInForce.lines().size() - missing.size());
    }

    /** Every key on the topic, committed records only, read from the beginning to the current end. */
    private Set<String> idsOnTopic(Map<String, Object> clientSettings, long deadline) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "news-ingest-service-measures");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUPPLY_EVENTS.name(), left(deadline)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadline));
            while (partitions.stream().anyMatch(p -> consumer.position(p, left(deadline)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("reading " + Topics.SUPPLY_EVENTS.name()
                            + " took longer than the replay's timeout");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ids.add(record.key());
                }
            }
        }
        return ids;
    }

    private void publish(Map<String, Object> clientSettings, List<String> lines, long deadline) throws ExecutionException, TimeoutException, InterruptedException {
        if (lines.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "news-ingest-service-measures");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String line : lines) {
                SupplyEventDetected event = json.readValue(line, SupplyEventDetected.class);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), event.eventId(), line);
                new CloudEvents(event.eventId(), MessageType.SUPPLY_EVENT_DETECTED.cloudEventType(), SOURCE, event.publishedAt())
                        .headerBytes().forEach((name, value) -> record.headers().add(name, value));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(Math.max(1, left(deadline).toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * The binder's client settings (security, for instance) and brokers, read when a replay runs
     * rather than when the bean is made, so they are those of the running context.
     */
    private Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>(Binder.get(environment).bind(
                "spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        settings.keySet().removeIf(key -> key.endsWith(".deserializer") || key.endsWith(".serializer"));
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092"));
        return settings;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
    }
}
