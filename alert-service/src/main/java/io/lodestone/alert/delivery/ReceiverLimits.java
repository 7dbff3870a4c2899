package io.lodestone.alert.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sends may go to one receiver host at the same time. A receiver that answers slowly
 * (or not at all) then occupies at most this many senders, and every other receiver keeps the rest.
 */
final class ReceiverLimits {

    private final int perHost;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    ReceiverLimits(int perHost) {
        this.perHost = perHost;
    }

    /** @return whether a send to the host may start now; if so, {@link #release} it when done */
    boolean tryAcquire(String host) {
        boolean[] acquired = new boolean[1];
        inFlight.compute(host, (key, count) -> {
            int now = count == null ? 0 : count;
            acquired[0] = now < perHost;
            return acquired[0] ? now + 1 : now;
        });
        return acquired[0];
    }

    void release(String host) {
        inFlight.computeIfPresent(host, (key, count) -> count <= 1 ? null : count - 1);
    }
}
