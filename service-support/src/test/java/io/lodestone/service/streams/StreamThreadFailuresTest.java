package io.lodestone.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.lodestone.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-04-04T08:00:00Z"));
    private final RuntimeException failure = new IllegalStateException("broker went away");

    @Test
    void replacesFailedThreadsUpToTheLimitThenShutsTheStageDown() {
        StreamThreadFailures failures = new StreamThreadFailures(() -> "scoring", 2, Duration.ofMinutes(10), clock, meters);

        assertThat(failures.handle(failure)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(4));
        assertThat(failures.handle(failure)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(4));
        assertThat(failures.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);

        assertThat(meters.counter("lodestone.streams.thread.failures", "stage", "scoring", "outcome", "replaced").count())
                .isEqualTo(2);
        assertThat(meters.counter("lodestone.streams.thread.failures", "stage", "scoring", "outcome", "shut-down").count())
                .isEqualTo(1);
    }

    @Test
    void replacementsOlderThanTheWindowNoLongerCount() {
        StreamThreadFailures failures = new StreamThreadFailures(() -> "stories", 2, Duration.ofMinutes(10), clock, meters);

        failures.handle(failure);
        clock.advance(Duration.ofMinutes(6));
        failures.handle(failure);
        clock.advance(Duration.ofMinutes(5)); // the first is now 11 minutes old

        assertThat(failures.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void aLimitOfZeroShutsDownAtTheFirstFailureAsKafkaStreamsDoesByDefault() {
        StreamThreadFailures failures = new StreamThreadFailures(() -> "scoring", 0, Duration.ofMinutes(10), clock, meters);

        assertThat(failures.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void refusesANegativeLimitOrAnEmptyWindow() {
        assertThatThrownBy(() -> new StreamThreadFailures(() -> "s", -1, Duration.ofMinutes(1), clock, meters))
                .hasMessageContaining("thread-replacements");
        assertThatThrownBy(() -> new StreamThreadFailures(() -> "s", 1, Duration.ZERO, clock, meters))
                .hasMessageContaining("replacement-window");
    }
}
