package io.lodestone.scoring.stream;

/**
 * What one step of the topology passes on: a value for the next step, or a record that failed,
 * bound for the dead-letter topic.
 */
record Routed<V>(V value, DeadLetter deadLetter) {

    static <V> Routed<V> ok(V value) {
        return new Routed<>(value, null);
    }

    static <V> Routed<V> dead(DeadLetter deadLetter) {
        return new Routed<>(null, deadLetter);
    }

    boolean failed() {
        return deadLetter != null;
    }
}
