package io.lodestone.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The notices read so far, kept in the compacted topic {@value #TOPIC}: one record per notice,
 * keyed by source id and URL, so the topic holds each notice once however often it is seen. Every
 * replica reads the whole topic from the start (an anonymous consumer group), which tells it what
 * every replica has read, before and since its start; until it has caught up with the end of the
 * topic as it stood at assignment, {@link #restored()} is false and html-list sources wait.
 * Kafka, not a local file, because the service keeps no disk of its own (its pods are stateless)
 * and its story state already lives there.
 */
@Configuration(proxyBeanMethods = false)
class KafkaSeenNotices implements SeenNotices {

    static final String TOPIC = "news-ingest-service.seen-notices";
    static final String OUTPUT = "seenNotices";
    static final String INPUT = "rememberSeenNotices-in-0";

    private final StreamBridge bridge;
    private final CompactedTopicReplay replay;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KafkaSeenNotices(StreamBridge bridge, CompactedTopicReplay replay) {
        this.bridge = bridge;
        this.replay = replay;
    }

    private static String key(String sourceId, String url) {
        return sourceId + " " + url;
    }

    @Override
    public boolean seen(String sourceId, String url) {
        return seen.contains(key(sourceId, url));
    }

    @Override
    public void remember(String sourceId, String url) {
        String key = key(sourceId, url);
        boolean sent = bridge.send(OUTPUT, MessageBuilder.withPayload(url.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, key).build());
        if (!sent) {
            throw new IllegalStateException("the broker did not take the record that notice " + url + " was read");
        }
        seen.add(key);
    }

    @Override
    public boolean restored() {
        return replay.caughtUp(INPUT);
    }

    /** Each record of the topic, from the start: the notice it names has been read. */
    @Bean
    Consumer<Message<byte[]>> rememberSeenNotices() {
        return message -> {
            Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
            if (key != null) {
                seen.add(key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString());
            }
            replay.read(INPUT, message);
        };
    }
}
