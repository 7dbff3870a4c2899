package io.lodestone.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.application.LivenessStateHealthIndicator;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

/**
 * A check that hangs (a broker that does not answer) against a flood of health requests: each request
 * is answered within the patience, the check runs once at a time, and an old answer does not outlive
 * the hang.
 */
class BackgroundHealthIndicatorTest {

    private static final HealthProperties TIMING = new HealthProperties(Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofSeconds(30));

    private final ExecutorService checks = Executors.newCachedThreadPool();
    private final ExecutorService requests = Executors.newFixedThreadPool(50);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final GatedCheck broker = new GatedCheck();
    private final BackgroundHealthIndicator health = new BackgroundHealthIndicator(broker, checks, TIMING, now::get);

    @AfterEach
    void release() {
        broker.open();
        checks.shutdownNow();
        requests.shutdownNow();
    }

    @Test
    void aFloodOfRequestsWhileTheCheckHangsIsAnsweredAtOnceAndRunsTheCheckOnce() throws Exception {
        broker.close();
        List<Future<Health>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(requests.submit(() -> health.health()));
        }
        for (Future<Health> answer : answers) {
            // without the wrapper each request would wait for the hung check (forever here)
            Health h = answer.get(10, TimeUnit.SECONDS);
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails()).containsEntry("error", "the first check has not answered yet");
        }
        assertThat(broker.calls.get()).isEqualTo(1);
    }

    @Test
    void aFreshAnswerIsGivenAgainWithoutCheckingAndAStaleOneStartsACheck() {
        broker.answer(Health.up().withDetail("topics", 3).build());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("topics", 3);
        assertThat(broker.calls.get()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        broker.answer(Health.down().withDetail("error", "broker gone").build());
        assertThat(health.health().getDetails()).containsEntry("error", "broker gone");
        assertThat(broker.calls.get()).isEqualTo(2);
    }

    @Test
    void whileACheckHangsTheLastAnswerHoldsUntilItIsStaleThenTheIndicatorIsDown() {
        broker.answer(Health.up().build());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        broker.close();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        Health meanwhile = health.health();
        assertThat(meanwhile.getStatus()).isEqualTo(Status.UP);
        assertThat(meanwhile.getDetails()).containsEntry("answeredSecondsAgo", 5L);

        now.addAndGet(Duration.ofSeconds(26).toNanos());
        Health hung = health.health();
        assertThat(hung.getStatus()).isEqualTo(Status.DOWN);
        assertThat(hung.getDetails().get("error").toString())
                .isEqualTo("no answer from this check for 31 s; its last answer was UP");
        assertThat(broker.calls.get()).as("the hung check is not started again").isEqualTo(2);

        broker.answer(Health.up().build());
        broker.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getDetails().isEmpty());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aCheckThatThrowsIsDownWithItsError() {
        broker.fail(new IllegalStateException("metadata fetch failed"));
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails().get("error").toString()).contains("metadata fetch failed");
    }

    @Test
    void checksOfOutsideThingsAreWrappedAlsoInsideCompositesAndStateChecksAreNot() {
        DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
        HealthIndicator db = () -> Health.up().build();
        LivenessStateHealthIndicator liveness = new LivenessStateHealthIndicator(new ApplicationAvailabilityBean());
        Map<String, HealthContributor> binders = new ConcurrentHashMap<>();
        registry.registerContributor("db", db);
        registry.registerContributor("livenessState", liveness);
        // like the binders' composite, whose checks appear as the binders are created
        registry.registerContributor("binders", new CompositeHealthContributor() {
            @Override
            public HealthContributor getContributor(String name) {
                return binders.get(name);
            }

            @Override
            public Stream<HealthContributors.Entry> stream() {
                return binders.entrySet().stream().map(e -> new HealthContributors.Entry(e.getKey(), e.getValue()));
            }
        });

        BackgroundHealthChecks background = new BackgroundHealthChecks(registry, TIMING);
        try {
            background.afterSingletonsInstantiated();
            // a binder created after start-up
            binders.put("kafka", broker);

            assertThat(registry.getContributor("db")).isInstanceOf(BackgroundHealthIndicator.class);
            assertThat(((BackgroundHealthIndicator) registry.getContributor("db")).delegate()).isSameAs(db);
            assertThat(registry.getContributor("livenessState")).isSameAs(liveness);
            CompositeHealthContributor composite = (CompositeHealthContributor) registry.getContributor("binders");
            assertThat(composite.getContributor("kafka")).isInstanceOf(BackgroundHealthIndicator.class);
            assertThat(composite.getContributor("kafka")).as("one wrapper per check, so one check at a time")
                    .isSameAs(composite.stream().findFirst().orElseThrow().contributor());
        } finally {
            background.destroy();
        }
    }

    /** A check whose answer the test sets, and which can be made to hang until opened. */
    private static final class GatedCheck implements HealthIndicator {

        final AtomicInteger calls = new AtomicInteger();
        private final AtomicReference<Object> answer = new AtomicReference<>(Health.up().build());
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void answer(Health health) {
            answer.set(health);
        }

        void fail(RuntimeException failure) {
            answer.set(failure);
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public Health health() {
            calls.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            Object next = answer.get();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (Health) next;
        }
    }
}
