package io.lodestone.ingest.dedupe;

import java.util.function.Consumer;

/**
 * Where stories are kept: a Kafka Streams state store with a changelog in the service, a map for
 * the offline command and tests. The linker reads everything once when it starts and then writes
 * every change through.
 */
public interface Stories {

    void put(Story story);

    void delete(String id);

    void forEach(Consumer<Story> action);

    /** Stories in a map: for the offline command and tests. */
    static Stories inMemory() {
        return in(new java.util.LinkedHashMap<>());
    }

    /** Stories kept in the given map, which the caller may read (a benchmark measuring what is kept). */
    static Stories in(java.util.Map<String, Story> map) {
        return new Stories() {
            @Override
            public void put(Story story) {
                map.put(story.id(), story);
            }

            @Override
            public void delete(String id) {
                map.remove(id);
            }

            @Override
            public void forEach(Consumer<Story> action) {
                map.values().forEach(action);
            }
        };
    }
}
