package io.lodestone.scoring.stream;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of the topology: topics, state store and repartition topic alike. */
public final class Json {

    /**
     * ISO-8601 instants, unknown fields ignored (the contract grows by optional fields); a record
     * naming a field twice is unreadable (a dead letter), not read as its last value.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
