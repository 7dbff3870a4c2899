package io.lodestone.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that a periodic sweep would find eventually, started instead by what makes it due: the
 * commit that opened a notification asks for the sealer at its due time, the commit that wrote a
 * delivery asks for the dispatcher now. The sweep stays as the safety net (a signal lost with a
 * crashed instance, work written by another instance), so a signal may be missed but never
 * needed for correctness.
 * <p>
 * Runs never overlap: the sweep ({@link #runNow()}, on the scheduler's thread) and the signalled
 * runs (on this work's own thread) take the same lock. Requests coalesce: however many arrive
 * while a run is waiting, one run follows, and a request that arrives during a run always gets a
 * run after it, so nothing committed before the request is left for the sweep.
 */
public final class DueWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DueWork.class);
    private static final Duration LATE_BY = Duration.ofMillis(1);

    private final String name;
    private final Runnable work;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor thread;

    public DueWork(String name, Runnable work, Clock clock) {
        this.name = name;
        this.work = work;
        this.clock = clock;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "due-" + name);
            t.setDaemon(true);
            return t;
        });
        this.thread.setRemoveOnCancelPolicy(true);
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs the work on the calling thread, after any run in progress: the periodic sweep. */
    public void runNow() {
        running.lock();
        try {
            requested.set(false);
            work.run();
        } finally {
            running.unlock();
        }
    }

    /** Asks for a run as soon as possible; call it once what makes the work due is committed. */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.execute(this::runIfRequested);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                requested.set(false);
            }
        }
    }

    /**
     * Asks for a run at {@code due} (at once if it has passed). The run comes a millisecond after
     * it, never before: work due at a time is selected with {@code due_at <= now}, and the
     * database keeps that time rounded to microseconds, possibly up.
     */
    public void requestAt(Instant due) {
        long delay = Duration.between(clock.instant(), due).toNanos();
        if (delay <= 0) {
            request();
            return;
        }
        try {
            thread.schedule(this::request, delay + LATE_BY.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: the next instance's sweep finds it
        }
    }

    private void runIfRequested() {
        running.lock();
        try {
            if (requested.getAndSet(false)) {
                work.run();
            }
        } catch (RuntimeException e) {
            log.warn("{} failed when signalled; the periodic sweep will retry: {}", name, e.toString());
        } finally {
            running.unlock();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
