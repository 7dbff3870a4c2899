package io.lodestone.ingest.publish;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the story stage: candidates, the story store and the published events.
 * Instants as RFC 3339 text; unknown fields ignored, so records written by a newer version load.
 */
final class StoryJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoryJson() {
    }

    /** A Kafka serde for one record type; a null value stays null (tombstones). */
    static <T> Serde<T> serde(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type);
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }
}
