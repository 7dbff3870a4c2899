package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the supervisor restarts a service, decided against a clock the test moves. */
class SupervisorTest {

    private final FakeServices services = new FakeServices();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<String> said = new ArrayList<>();
    private final Supervisor supervisor = new Supervisor(services, clock, said::add);

    @Test
    void aServiceWhoseProcessEndedIsStartedAgainAtOnce() {
        services.exitCode.put("news-ingest-service", 137);

        supervisor.checkAll();

        assertThat(services.restarted).containsExactly("news-ingest-service");
        assertThat(supervisor.restarts("news-ingest-service")).isEqualTo(1);
        assertThat(said.get(0)).contains("news-ingest-service", "exit code 137", "restarting it");
        assertThat(supervisor.restarts("alert-service")).isZero();
    }

    @Test
    void aServiceIsRestartedOnlyAfterItsLivenessProbeFailedThreeTimesInARow() {
        services.notLive.add("risk-scoring-service");

        supervisor.checkAll();
        supervisor.checkAll();
        assertThat(services.restarted).isEmpty();

        supervisor.checkAll();
        assertThat(services.restarted).containsExactly("risk-scoring-service");
        assertThat(said.get(0)).contains("liveness probe failed 3 times in a row");
    }

    @Test
    void aProbeThatRecoversInBetweenStartsTheCountAgain() {
        services.notLive.add("alert-service");
        supervisor.checkAll();
        supervisor.checkAll();
        services.notLive.clear();
        supervisor.checkAll();
        services.notLive.add("alert-service");
        supervisor.checkAll();
        supervisor.checkAll();

        assertThat(services.restarted).isEmpty();
    }

    @Test
    void aServiceThatKeepsFailingIsRestartedLessAndLessOften() {
        services.exitCode.put("news-ingest-service", 1);
        services.restartFails = true;

        supervisor.checkAll();
        clock.advance(Duration.ofSeconds(9));
        supervisor.checkAll();
        assertThat(services.restarted).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        supervisor.checkAll();
        assertThat(services.restarted).hasSize(2);

        // the next wait is twice as long: 20 s
        clock.advance(Duration.ofSeconds(19));
        supervisor.checkAll();
        assertThat(services.restarted).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        supervisor.checkAll();
        assertThat(services.restarted).hasSize(3);
        assertThat(said).anyMatch(line -> line.contains("did not start again"));
    }

    @Test
    void theBackOffStartsOverOnceTheServiceHasStayedUp() {
        services.exitCode.put("news-ingest-service", 137);
        supervisor.checkAll();
        services.exitCode.clear();
        clock.advance(Duration.ofSeconds(5));
        supervisor.checkAll();

        clock.advance(Supervisor.STABLE_AFTER);
        supervisor.checkAll();
        services.exitCode.put("news-ingest-service", 137);
        supervisor.checkAll();

        assertThat(services.restarted).hasSize(2);
        assertThat(said.get(said.size() - 2)).contains("no sooner than 10 s");
    }

    private static final class FakeServices implements Supervisor.Services {
        final Map<String, Integer> exitCode = new HashMap<>();
        final List<String> notLive = new ArrayList<>();
        final List<String> restarted = new ArrayList<>();
        boolean restartFails;

        @Override
        public List<String> names() {
            return List.of("news-ingest-service", "risk-scoring-service", "alert-service");
        }

        @Override
        public Optional<String> ended(String name) {
            return Optional.ofNullable(exitCode.get(name)).map(code -> "exit code " + code);
        }

        @Override
        public boolean live(String name) {
            return !notLive.contains(name);
        }

        @Override
        public void restart(String name) {
            restarted.add(name);
            if (restartFails) {
                throw new IllegalStateException(name + " exited with code 1 while starting");
            }
        }
    }
}
