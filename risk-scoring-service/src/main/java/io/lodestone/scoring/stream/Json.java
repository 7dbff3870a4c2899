package io.lodestone.scoring.stream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of the topology: topics, state store and repartition topic alike. */
public final class Json {

    /** ISO-8601 instants, unknown fields ignored (the contract grows by optional fields). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
