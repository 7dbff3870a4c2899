package io.lodestone.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Kafka Streams stage bound by the real binder to a real broker, whose processor fails on
 * chosen records: what an operator's probes and metrics show when a stream thread dies once
 * (a transient fault) and when it keeps dying (a fault that a restart of the process must clear).
 */
@SpringBootTest(classes = StreamStageFailureTest.FragileStage.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.import=classpath:lodestone-service-defaults.yml",
                "spring.application.name=fragile-stage",
                "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                "spring.cloud.stream.kafka.streams.binder.brokers=${spring.embedded.kafka.brokers}",
                "spring.cloud.stream.kafka.streams.binder.application-id=fragile-stage",
                "spring.cloud.function.definition=fragile",
                "spring.cloud.stream.bindings.fragile-in-0.destination=" + StreamStageFailureTest.TOPIC,
                "lodestone.streams.thread-replacements=2"})
@EmbeddedKafka(partitions = 1, topics = StreamStageFailureTest.TOPIC,
        brokerProperties = "group.initial.rebalance.delay.ms=0")
@DirtiesContext // the stage ends shut down
class StreamStageFailureTest {

    static final String TOPIC = "fragile.in";
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Records the stage processed, in order. */
    static final List<String> PROCESSED = new CopyOnWriteArrayList<>();
    /** How many more times the record "flaky" fails before it goes through. */
    static final AtomicInteger FLAKY_FAILURES = new AtomicInteger(1);

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aThreadThatDiesOnceIsReplacedAndOneThatKeepsDyingMakesTheServiceNotLive() {
        ActuatorProbe probe = new ActuatorProbe(port);
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> probe.get("/actuator/health/readiness").statusCode() == 200);
            assertThat(failures(probe, "replaced")).isZero();
            assertThat(failures(probe, "shut-down")).isZero();

            kafka.sendRaw(TOPIC, "k", "flaky");
            kafka.sendRaw(TOPIC, "k", "steady");

            // The thread that failed on "flaky" was replaced, and its replacement read the record again.
            await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> PROCESSED.contains("steady"));
            assertThat(PROCESSED).containsExactly("flaky", "steady");
            assertThat(status(probe, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(failures(probe, "replaced")).isEqualTo(1.0);

            // Fails every time: one more replacement is allowed (2 in all), then the stage is shut down.
            kafka.sendRaw(TOPIC, "k", "poison");

            await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> status(probe, "/actuator/health/liveness") == 503);
            assertThat(probe.get("/actuator/health/liveness").body()).contains("\"status\":\"DOWN\"");
            assertThat(status(probe, "/actuator/health/readiness")).isEqualTo(503);
            assertThat(failures(probe, "replaced")).isEqualTo(2.0);
            assertThat(failures(probe, "shut-down")).isEqualTo(1.0);
            // Each replacement reopens the task at its last commit, so what came since is read again
            // (at least once); the poison record itself never got through.
            assertThat(PROCESSED).doesNotContain("poison").startsWith("flaky", "steady");
        }
    }

    private static int status(ActuatorProbe probe, String path) {
        return probe.get(path).statusCode();
    }

    /** The Prometheus scrape's count of failed stream threads with this outcome. */
    private static double failures(ActuatorProbe probe, String outcome) {
        HttpResponse<String> scrape = probe.get("/actuator/prometheus");
        Matcher line = Pattern.compile("(?m)^lodestone_streams_thread_failures_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*stage=\"fragile-stage\"[^}]*} (\\S+)$").matcher(scrape.body());
        assertThat(line.find()).as("a series of outcome %s in the scrape", outcome).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @SpringBootApplication
    static class FragileStage {

        @Bean
        Consumer<KStream<String, String>> fragile() {
            return input -> input.foreach((key, value) -> {
                if (value.equals("poison")) {
                    throw new IllegalStateException("cannot process " + value);
                }
                if (value.equals("flaky") && FLAKY_FAILURES.getAndDecrement() > 0) {
                    throw new IllegalStateException("a transient fault");
                }
                PROCESSED.add(value);
            });
        }
    }
}
