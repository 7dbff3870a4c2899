package io.lodestone.service.api;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: a client may spend {@code burst} units at once and earns
 * {@code perSecond} units back every second. A request costs one unit; work that costs more (a
 * batch of pushed items) is charged more. A charge larger than what the bucket holds is taken when
 * the bucket is full and leaves it in debt, so no single request is impossible, only followed by a
 * longer wait.
 * <p>
 * Memory is bounded: at most {@code maxClients} buckets are kept. A full bucket says nothing a new
 * one would not, so full buckets are dropped when room is needed (at most one sweep a second);
 * while every kept bucket is still in use, new clients share one overflow bucket, so a flood of
 * spoofed addresses throttles only its own kind and not the clients already known.
 */
public final class ClientBuckets {

    /** The key of the bucket shared by clients that found no room. */
    static final String OVERFLOW = "(overflow)";

    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final double unitsPerNano;
    private final double burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overflow;
    private final AtomicLong lastSweep;

    public ClientBuckets(double perSecond, double burst, int maxClients) {
        this(perSecond, burst, maxClients, System::nanoTime);
    }

    /** @param nanoTime the clock buckets refill by, in nanoseconds (a test's or a service's {@code Clock}) */
    public ClientBuckets(double perSecond, double burst, int maxClients, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate, a burst of at least 1 and room"
                    + " for at least one client, got " + perSecond + "/s, burst " + burst + ", " + maxClients
                    + " clients");
        }
        this.unitsPerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.overflow = new Bucket(burst, now);
        this.lastSweep = new AtomicLong(now - SWEEP_INTERVAL);
    }

    /**
     * Takes {@code cost} units from the client's bucket.
     *
     * @return zero when taken, else how many nanoseconds until the same charge would be taken (nothing is taken then)
     */
    public long take(String client, double cost) {
        long now = nanoTime.getAsLong();
        return bucket(client, now).take(cost, now);
    }

    /** How many buckets are kept now, the overflow bucket not counted. */
    int size() {
        return buckets.size();
    }

    private Bucket bucket(String client, long now) {
        Bucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxClients) {
            sweep(now);
            if (buckets.size() >= maxClients) {
                return overflow;
            }
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    }

    /** Drops the buckets that have refilled: their clients start again from a full bucket anyway. */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_INTERVAL || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().fullAt(now)) {
                it.remove();
            }
        }
    }

    private final class Bucket {

        private double units;
        private long updated;

        Bucket(double units, long now) {
            this.units = units;
            this.updated = now;
        }

        synchronized long take(double cost, long now) {
            refill(now);
            double needed = Math.min(cost, burst);
            if (units >= needed) {
                units -= cost;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((needed - units) / unitsPerNano));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return units >= burst;
        }

        private void refill(long now) {
            if (now > updated) {
                units = Math.min(burst, units + (now - updated) * unitsPerNano);
                updated = now;
            }
        }
    }
}
