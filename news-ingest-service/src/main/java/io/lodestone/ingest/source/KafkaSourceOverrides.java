package io.lodestone.ingest.source;

import io.lodestone.service.security.LogSafe;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' source changes in the compacted topic {@value #TOPIC}, one record per source id (the
 * latest wins); a deleted source's record is a tombstone (a null value), so compaction drops the
 * source from the topic instead of keeping a deletion for every source ever added. Every replica reads the whole topic from the start with a consumer group of its
 * own and applies every record, its own included, in topic order; so all replicas end with the
 * same sources whichever replica was asked, and a restarted one starts with them. Polling begins
 * only once the records written before the start have been read ({@link #restored()}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaSourceOverrides implements SourceOverrideLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaSourceOverrides.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TOPIC = "news-ingest-service.source-overrides";
    static final String OUTPUT = "sourceOverrides";
    static final String INPUT = "applySourceOverrides-in-0";

    private final StreamBridge bridge;
    private final CompactedTopicReplay replay;

    KafkaSourceOverrides(StreamBridge bridge, CompactedTopicReplay replay) {
        this.bridge = bridge;
        this.replay = replay;
    }

    @Override
    public void write(String sourceId, SourceOverride change) {
        boolean sent;
        try {
            Object value = change.removed() ? KafkaNull.INSTANCE : JSON.writeValueAsBytes(change);
            sent = bridge.send(OUTPUT, MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, sourceId).build());
        } catch (RuntimeException e) {
            throw new SourceChangeRefused(SourceChangeRefused.Reason.UNAVAILABLE,
                    "The change to source '" + sourceId + "' was not recorded: " + e.getMessage(), e);
        }
        if (!sent) {
            throw new SourceChangeRefused(SourceChangeRefused.Reason.UNAVAILABLE,
                    "The broker did not take the change to source '" + sourceId + "'.");
        }
    }

    @Override
    public boolean restored() {
        return replay.caughtUp(INPUT);
    }

    /** Each record of the topic, from the start: a change to apply, whoever made it. */
    @Bean
    Consumer<Message<byte[]>> applySourceOverrides(RuntimeSources sources) {
        return message -> {
            try {
                apply(sources, message);
            } finally {
                // whatever the record held, it has been read: polling waits until every record is
                replay.read(INPUT, message);
            }
        };
    }

    /** Applies the change a record holds; one that holds none, or cannot be applied, is logged and passed over. */
    private static void apply(RuntimeSources sources, Message<byte[]> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key == null) {
            return;
        }
        String sourceId = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
        // a tombstone arrives as KafkaNull whatever the declared payload type
        Object payload = message.getPayload();
        try {
            SourceOverride change = payload instanceof byte[] json ? JSON.readValue(json, SourceOverride.class)
                    : payload instanceof KafkaNull ? SourceOverride.deleted() : null;
            if (change == null) {
                log.warn("source {}: ignoring a change record that holds no change (JSON null)", LogSafe.escape(sourceId));
            } else {
                sources.apply(sourceId, change);
            }
        } catch (JacksonException e) {
            log.warn("source {}: ignoring an unreadable change record: {}", LogSafe.escape(sourceId), e.getOriginalMessage());
        } catch (RuntimeException e) {
            log.warn("source {}: ignoring a change record that could not be applied", LogSafe.escape(sourceId), e);
        }
    }
}
