package io.lodestone.ingest.source;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The per-host rate limit: two requests to one host are at least the configured interval apart,
 * or the host's own {@code Crawl-delay} when robots.txt asks for more (capped, so a hostile value
 * cannot stall polling). Each caller reserves the next free slot and sleeps until it, so sources
 * on the same publisher queue politely instead of arriving together. Only the most recently used
 * hosts are remembered, which bounds memory whatever the sources link to.
 */
class HostPacer {

    /** Hosts remembered at most; a forgotten host simply gets no wait on its next request. */
    static final int MAX_HOSTS = 10_000;
    /** The longest Crawl-delay honoured. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

    /** Nanosecond clock and sleep, replaceable in tests. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    private record Host(long nextSlot, long interval) {
    }

    private final long defaultInterval;
    private final Ticker ticker;
    private final Map<String, Host> hosts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Host> eldest) {
            return size() > MAX_HOSTS;
        }
    };

    HostPacer(Duration interval) {
        this(interval, Ticker.SYSTEM);
    }

    HostPacer(Duration interval, Ticker ticker) {
        this.defaultInterval = interval.toNanos();
        this.ticker = ticker;
    }

    /** Blocks until a request to {@code host} is allowed, and reserves that slot. */
    void pace(String host) {
        if (host == null) {
            return;
        }
        long slot;
        synchronized (hosts) {
            long now = ticker.nanoTime();
            Host known = hosts.get(key(host));
            long interval = known == null ? defaultInterval : known.interval();
            slot = known == null ? now : Math.max(now, known.nextSlot());
            hosts.put(key(host), new Host(slot + interval, interval));
        }
        long wait = slot - ticker.nanoTime();
        if (wait > 0) {
            try {
                ticker.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Raises the interval for {@code host} (e.g. to its robots.txt Crawl-delay), never below the default. */
    void paceAtLeast(String host, Duration interval) {
        long wanted = Math.max(defaultInterval, Math.min(interval.toNanos(), MAX_CRAWL_DELAY.toNanos()));
        synchronized (hosts) {
            Host known = hosts.get(key(host));
            hosts.put(key(host), new Host(known == null ? ticker.nanoTime() : known.nextSlot(), wanted));
        }
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
