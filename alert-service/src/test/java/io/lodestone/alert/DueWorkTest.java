package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DueWorkTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void aRequestForLaterRunsTheWorkOnceItIsDueAndNotBefore() {
        AtomicInteger runs = new AtomicInteger();
        try (DueWork work = new DueWork("later", runs::incrementAndGet, clock)) {
            work.requestAt(clock.instant().plusMillis(300));

            assertThat(runs).hasValue(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        }
    }

    @Test
    void aRequestedRunNeverComesBeforeItsDueTime() {
        // Work selected with "due <= now" finds nothing if it runs even a microsecond early
        List<Instant> seenAt = new CopyOnWriteArrayList<>();
        List<Instant> dues = new CopyOnWriteArrayList<>();
        try (DueWork work = new DueWork("never-early", () -> seenAt.add(clock.instant()), clock)) {
            for (int i = 0; i < 20; i++) {
                Instant due = clock.instant().plusNanos(1_000_000L * (5 + i) + 400_000L);
                dues.add(due);
                work.requestAt(due);
                await().atMost(Duration.ofSeconds(10)).until(() -> seenAt.size() == dues.size());
            }
        }
        for (int i = 0; i < dues.size(); i++) {
            assertThat(seenAt.get(i)).as("run %d", i).isAfterOrEqualTo(dues.get(i));
        }
    }

    @Test
    void requestsArrivingWhileARunIsUnderWayGetOneRunAfterIt() throws Exception {
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch finishFirstRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (DueWork work = new DueWork("coalescing", () -> {
            if (runs.incrementAndGet() == 1) {
                inFirstRun.countDown();
                awaitLatch(finishFirstRun);
            }
        }, clock)) {
            // Given a sweep under way
            Thread sweep = new Thread(work::runNow);
            sweep.start();
            assertThat(inFirstRun.await(10, TimeUnit.SECONDS)).isTrue();

            // When three requests arrive meanwhile
            work.request();
            work.request();
            work.request();
            finishFirstRun.countDown();
            sweep.join(10_000);

            // Then one more run follows the sweep: nothing committed before a request waits for the next sweep
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
            Thread.sleep(200);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void aRunThatFailsDoesNotStopLaterRequests() {
        AtomicInteger runs = new AtomicInteger();
        try (DueWork work = new DueWork("failing", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
        }, clock)) {
            work.request();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            work.request();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
