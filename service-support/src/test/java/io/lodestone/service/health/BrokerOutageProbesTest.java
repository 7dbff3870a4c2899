package io.lodestone.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.testsupport.ActuatorProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The broker goes away under a service with both binders (a Kafka Streams stage and the Kafka
 * binder's consumer), with the services' shared defaults, and anyone floods the readiness probe,
 * which is answered without a token and outside the rate limit. Before the checks ran off the
 * request threads, each readiness request waited its turn behind the Kafka Streams check's lock, up
 * to a minute a turn: 220 such requests held all 200 server threads, and the liveness probe and the
 * API timed out with them; and every admin client logged each metadata retry at INFO.
 */
@SpringBootTest(classes = BrokerOutageProbesTest.Stage.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.import=classpath:lodestone-service-defaults.yml",
                "spring.application.name=outage-stage",
                "spring.cloud.stream.kafka.binder.brokers=${lodestone.test.outage.brokers}",
                "spring.cloud.stream.kafka.streams.binder.brokers=${lodestone.test.outage.brokers}",
                "spring.cloud.stream.kafka.streams.binder.application-id=outage-stage",
                "spring.cloud.function.definition=stage;plain",
                "spring.cloud.stream.bindings.stage-in-0.destination=" + BrokerOutageProbesTest.TOPIC,
                "spring.cloud.stream.bindings.plain-in-0.destination=" + BrokerOutageProbesTest.TOPIC,
                "spring.cloud.stream.bindings.plain-in-0.binder=kafka",
                "spring.cloud.stream.bindings.plain-in-0.group=outage-plain"})
// a property of its own for the broker's address, so no other test's context is pointed at it once gone
@EmbeddedKafka(partitions = 1, topics = BrokerOutageProbesTest.TOPIC, bootstrapServersProperty = "lodestone.test.outage.brokers",
        brokerProperties = "group.initial.rebalance.delay.ms=0")
@DirtiesContext // the broker is gone for good
@ExtendWith(OutputCaptureExtension.class)
class BrokerOutageProbesTest {

    static final String TOPIC = "outage.in";
    private static final int FLOOD = 260;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void whileTheBrokerIsDownAFloodOfReadinessRequestsIsAnsweredAtOnceAndLivenessStaysUp(CapturedOutput log) throws Exception {
        ActuatorProbe probe = new ActuatorProbe(port);
        await().atMost(Duration.ofSeconds(90)).until(() -> probe.get("/actuator/health/readiness").statusCode() == 200);

        broker.destroy();

        // Not ready within the checks' own timeouts (10 s) or, for a check that hangs, the 30 s after
        // which an unanswered check is DOWN; from then on every probe says so.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> probe.get("/actuator/health/readiness").statusCode() == 503);

        HttpClient flood = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            answers.add(flood.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        HttpResponse<String> liveness = probe.get("/actuator/health/liveness");

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> readiness = answer.join(); // throws HttpTimeoutException after 20 s
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        }
        assertThat(liveness.statusCode()).as("the liveness probe, asked during the flood").isEqualTo(200);
        // each admin client's metadata retries were logged at INFO, thousands of lines a minute
        assertThat(log.getAll()).doesNotContain("Rebootstrapping");
    }

    @SpringBootApplication
    static class Stage {

        @Bean
        Consumer<KStream<String, String>> stage() {
            return input -> input.foreach((key, value) -> { });
        }

        @Bean
        Consumer<String> plain() {
            return value -> { };
        }
    }
}
