package io.lodestone.ingest.source;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Seen-notice memory for tests that exercise reading, not Kafka. */
final class RememberedNotices implements SeenNotices {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean seen(String sourceId, String url) {
        return seen.contains(sourceId + " " + url);
    }

    @Override
    public void remember(String sourceId, String url) {
        seen.add(sourceId + " " + url);
    }

    @Override
    public boolean restored() {
        return true;
    }
}
