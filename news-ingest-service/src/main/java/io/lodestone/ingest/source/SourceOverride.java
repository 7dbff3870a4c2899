package io.lodestone.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * What an operator changed about one source, as kept (JSON, keyed by source id) in the compacted
 * topic of source changes: the latest record per source is the whole truth about it, so an added
 * source's record carries its full definition, not only the switch.
 *
 * @param enabled    whether the source is polled
 * @param definition for a source added through the API: its definition as accepted; null for a
 *                   configured or catalogue source
 * @param removed    true when an added source was deleted (written as a tombstone, read from one or
 *                   from the {@code {"removed": true}} records of earlier releases)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SourceOverride(boolean enabled, JsonNode definition, boolean removed) {

    static SourceOverride switched(boolean enabled) {
        return new SourceOverride(enabled, null, false);
    }

    static SourceOverride added(JsonNode definition, boolean enabled) {
        return new SourceOverride(enabled, definition, false);
    }

    static SourceOverride deleted() {
        return new SourceOverride(false, null, true);
    }
}
