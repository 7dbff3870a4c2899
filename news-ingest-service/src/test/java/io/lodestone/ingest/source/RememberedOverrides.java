package io.lodestone.ingest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Source changes kept in memory, for tests that exercise the sources, not Kafka. */
final class RememberedOverrides implements SourceOverrideLog {

    final List<Map.Entry<String, SourceOverride>> written = new ArrayList<>();

    @Override
    public void write(String sourceId, SourceOverride change) {
        written.add(Map.entry(sourceId, change));
    }

    @Override
    public boolean restored() {
        return true;
    }
}
