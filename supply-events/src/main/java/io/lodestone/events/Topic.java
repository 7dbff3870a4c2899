package io.lodestone.events;

import java.util.Objects;

/**
 * A Kafka topic of the contract, bound to the types of its keys and values.
 *
 * @param name      the topic name
 * @param keyType   type of record keys (always a string here: an id or an element symbol)
 * @param valueType type of record values; a sealed interface where one topic carries several messages
 * @param compacted whether the topic is log-compacted, so the latest record per key is the state
 * @param <K>       key type
 * @param <V>       value type
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, boolean compacted) {

    /** Suffix of every dead-letter topic: poison records from {@code x} go to {@code x.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** The dead-letter topic for records of this topic that a consumer could not process. */
    public String deadLetterTopic() {
        return deadLetterTopicOf(name);
    }

    public static String deadLetterTopicOf(String topicName) {
        return topicName + DEAD_LETTER_SUFFIX;
    }
}
