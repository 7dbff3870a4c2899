package io.lodestone.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the local stack running (the broker, the database and the services), as a kubelet keeps a
 * pod's containers: a part
 * whose process has ended (a crash, {@code kill -9}, an out-of-memory kill), or whose liveness
 * probe has failed {@value #FAILURES_BEFORE_RESTART} checks in a row (a stream thread that died),
 * is started again with the settings it first had. While a service keeps failing, its restarts back
 * off from {@link #FIRST_BACK_OFF} doubling to {@link #LONGEST_BACK_OFF}; once it has stayed up for
 * {@link #STABLE_AFTER}, the back-off starts over. Each restart is said on the console.
 * <p>
 * The checks run on one thread, every {@code period}: a restart (which waits until the service is
 * ready) holds up the checks of the others for that long, which a laptop's stack can afford.
 */
final class Supervisor implements AutoCloseable {

    static final int FAILURES_BEFORE_RESTART = 3;
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
    static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(5);
    static final Duration STABLE_AFTER = Duration.ofMinutes(10);

    /** What the supervisor needs of the stack: its services, how each is doing, and a restart. */
    interface Services {

        List<String> names();

        /** Whether the service's process is running; empty when it is, else how it ended ("exit code 137"). */
        Optional<String> ended(String name);

        /** Whether its liveness probe answers 200. */
        boolean live(String name);

        /** Starts the service again (stopping what is left of it) and waits until it is ready. */
        void restart(String name) throws Exception;
    }

    private static final class Watch {
        int failedProbes;
        volatile int restarts;
        Duration backOff = Duration.ZERO;
        Instant notBefore = Instant.MIN;
        Instant upSince;
    }

    private final Services services;
    private final Clock clock;
    private final Consumer<String> say;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private ScheduledExecutorService checks;

    Supervisor(Services services, Clock clock, Consumer<String> say) {
        this.services = services;
        this.clock = clock;
        this.say = say;
    }

    /** Checks every {@code period} from now on, until {@link #close()}. */
    Supervisor every(Duration period) {
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supervisor");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::checkAll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round of checks: restarts what needs it and may be restarted now. */
    void checkAll() {
        for (String name : services.names()) {
            try {
                check(name);
            } catch (RuntimeException e) {
                say.accept("supervisor: checking " + name + " failed: " + e.getMessage());
            }
        }
    }

    /** How many times the supervisor has restarted {@code name}. */
    int restarts(String name) {
        Watch watch = watches.get(name);
        return watch == null ? 0 : watch.restarts;
    }

    private void check(String name) {
        Watch watch = watches.computeIfAbsent(name, n -> new Watch());
        Instant now = clock.instant();
        Optional<String> why = services.ended(name).map(ended -> "its process ended (" + ended + ")");
        if (why.isEmpty()) {
            if (services.live(name)) {
                watch.failedProbes = 0;
                if (watch.upSince == null) {
                    watch.upSince = now;
                } else if (Duration.between(watch.upSince, now).compareTo(STABLE_AFTER) >= 0) {
                    watch.backOff = Duration.ZERO;
                }
                return;
            }
            watch.failedProbes++;
            if (watch.failedProbes < FAILURES_BEFORE_RESTART) {
                return;
            }
            why = Optional.of("its liveness probe failed " + watch.failedProbes + " times in a row");
        }
        watch.upSince = null;
        if (now.isBefore(watch.notBefore)) {
            return;
        }
        restart(name, watch, why.get(), now);
    }

    private void restart(String name, Watch watch, String why, Instant now) {
        watch.backOff = watch.backOff.isZero() ? FIRST_BACK_OFF : min(watch.backOff.multipliedBy(2), LONGEST_BACK_OFF);
        watch.notBefore = now.plus(watch.backOff);
        watch.failedProbes = 0;
        watch.restarts++;
        say.accept(name + ": " + why + "; restarting it (restart " + watch.restarts + "; the next one no sooner than "
                + watch.backOff.toSeconds() + " s from now)");
        try {
            services.restart(name);
            say.accept(name + " is running again");
        } catch (Exception e) {
            say.accept(name + " did not start again: " + e.getMessage() + "; trying again in "
                    + watch.backOff.toSeconds() + " s");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
            try {
                checks.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
