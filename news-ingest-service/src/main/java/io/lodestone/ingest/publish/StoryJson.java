package io.lodestone.ingest.publish;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping of the story stage: candidates, the story store and the published events.
 * Instants as RFC 3339 text; unknown fields ignored, so records written by a newer version load.
 * Property names are not canonicalized: a story's terms are the keys of its term map, so nearly
 * every candidate brings names the parser has not seen, and Jackson's shared name table copied
 * itself (hundreds of kilobytes) for each of them; at a bulk import's rate that was most of the
 * service's allocation and a young collection every 50 ms. Map keys (the terms) are interned as
 * they are decoded instead, so the words thousands of remembered stories share are kept once, and
 * only the stage, which keeps them, pays for it.
 */
final class StoryJson {

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("interned-map-keys").addKeyDeserializer(String.class, new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    return key.intern();
                }
            }))
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
