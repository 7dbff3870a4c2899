package io.lodestone.service.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check run off the request threads, one at a time. The Kafka binders' checks ask the broker
 * and wait for its answer (Kafka Streams' under a lock, up to its timeout), and health requests are
 * answered for anyone, unmetered: while the broker was down, 220 readiness requests each waited their
 * turn behind that lock and held all 200 server threads, so the API and the liveness probe timed out too.
 *
 * <p>Here a request is given the last answer if it is younger than {@code fresh}. Otherwise it starts a
 * check, unless one is already running, and waits at most {@code patience} for it; a request that
 * finds a check running is answered at once with the last answer. A check that has not answered for
 * {@code staleAfter} makes the indicator DOWN (as does one that has never answered), so a hung broker
 * call cannot keep an old UP alive. At most one thread per indicator is ever busy checking.
 */
final class BackgroundHealthIndicator implements HealthIndicator {

    /** An answer of the delegate and when it came ({@link System#nanoTime()}). */
    private record Answer(Health health, long at) {
    }

    private final HealthIndicator delegate;
    private final Executor executor;
    private final HealthProperties timing;
    private final LongSupplier nanoTime;
    private final AtomicReference<CompletableFuture<Answer>> running = new AtomicReference<>();
    private volatile Answer last;

    BackgroundHealthIndicator(HealthIndicator delegate, Executor executor, HealthProperties timing, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.executor = executor;
        this.timing = timing;
        this.nanoTime = nanoTime;
    }

    HealthIndicator delegate() {
        return delegate;
    }

    @Override
    public Health health() {
        Answer seen = last;
        if (seen != null && age(seen.at()) < timing.fresh().toNanos()) {
            return seen.health();
        }
        CompletableFuture<Answer> check = new CompletableFuture<>();
        if (running.compareAndSet(null, check)) {
            try {
                executor.execute(() -> run(check));
            } catch (RejectedExecutionException shuttingDown) {
                running.set(null);
                return Health.down().withDetail("error", "health checks have stopped (the service is shutting down)").build();
            }
            try {
                return check.get(timing.patience().toNanos(), TimeUnit.NANOSECONDS).health();
            } catch (TimeoutException stillChecking) {
                // answered below from what is known
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException cannotHappen) {
                // run() completes the future normally, whatever the delegate does
            }
        }
        return whileChecking();
    }

    private void run(CompletableFuture<Answer> check) {
        Answer answer;
        try {
            answer = new Answer(delegate.health(), nanoTime.getAsLong());
        } catch (RuntimeException | Error failed) {
            answer = new Answer(Health.down().withException(failed).build(), nanoTime.getAsLong());
        }
        last = answer;
        running.set(null);
        check.complete(answer);
    }

    /** The answer while a check is still running: the last one, unless it is too old or there is none. */
    private Health whileChecking() {
        Answer seen = last;
        if (seen == null) {
            return Health.down().withDetail("error", "the first check has not answered yet").build();
        }
        long age = age(seen.at());
        if (age >= timing.staleAfter().toNanos()) {
            return Health.down().withDetail("error", "no answer from this check for " + seconds(age)
                    + "; its last answer was " + seen.health().getStatus()).build();
        }
        return Health.status(seen.health().getStatus()).withDetails(seen.health().getDetails())
                .withDetail("answeredSecondsAgo", TimeUnit.NANOSECONDS.toSeconds(age)).build();
    }

    private long age(long at) {
        return nanoTime.getAsLong() - at;
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds() + " s";
    }
}
