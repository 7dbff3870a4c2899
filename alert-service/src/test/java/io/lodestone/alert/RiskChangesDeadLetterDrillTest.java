package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.lodestone.alert.lifecycle.RiskEvaluation;
import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runbook of {@code LodestoneRiskChangesDeadLettered} (ops/runbooks/README.md), followed on a
 * real broker and database: a defect in alert-service dead-letters a valid risk change; the
 * operator reads the dead letter's original partition and offset, deploys the fix, stops the
 * consumer, moves the {@code alert-service} group back to that offset and starts it again. The
 * change is then acted on, and the records re-read after it notify nobody a second time.
 * <p>
 * The defect is injected into the evaluation (a spy that throws while the "bug" is present):
 * the broker, the dead-letter topic, the group reset and the deliveries are all real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + RiskChangesDeadLetterDrillTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class RiskChangesDeadLetterDrillTest {

    static final String TOKEN = "dead-letter-drill-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOPIC = "element.risk.v1";
    private static final String BINDING = "evaluateRisk-in-0";
    private static final String GROUP = "alert-service";
    private static final Instant AS_OF = Instant.parse("2025-04-04T09:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_dead_letter_drill");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @MockitoSpyBean
    RiskEvaluation evaluation;

    @Autowired
    BindingsLifecycleController bindings;

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingHttpServer receiver = RecordingHttpServer.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDeadLetteredChangeIsReplayedByMovingTheGroupBackAndNothingIsNotifiedTwice() throws Exception {
        // Given a subscription to HIGH for bismuth and samarium, and a release that cannot evaluate bismuth
        new ApiClient(port, TOKEN).create("/api/v1/subscriptions", """
                {"name": "Drill", "elements": ["Bi", "Sm"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(receiver.uri("/drill"), AlertServiceIntegrationTest.SECRET));
        AtomicBoolean bug = new AtomicBoolean(true);
        doAnswer(call -> {
            ElementRiskChanged risk = call.getArgument(0);
            if (bug.get() && risk.element().equals("Bi")) {
                throw new IllegalStateException("simulated defect: bismuth cannot be evaluated");
            }
            return call.callRealMethod();
        }).when(evaluation).evaluate(any(), any());

        // When bismuth's rise is dead-lettered, and the fix is deployed before samarium's rise arrives
        publish(RiskChanges.rise("Bi", RiskLevel.HIGH, 70, AS_OF));
        ConsumerRecord<String, String> dead;
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            dead = kafka.readAtLeast(TOPIC + ".dlt", 1, WAIT).get(0);
        }
        assertThat(dead.key()).isEqualTo("Bi");
        int partition = ByteBuffer.wrap(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt();
        long offset = ByteBuffer.wrap(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong();
        bug.set(false);
        publish(RiskChanges.rise("Sm", RiskLevel.HIGH, 71, AS_OF));
        receiver.awaitRequests(1, WAIT);
        awaitGroupAtEnd();
        assertThat(api().getJson("/api/v1/alerts?element=Bi")).isEmpty();

        // and the operator stops the consumer, moves the group back to the dead letter's offset, and starts it
        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        try (Admin admin = admin()) {
            await().atMost(WAIT).until(() -> admin.describeConsumerGroups(java.util.List.of(GROUP)).all().get()
                    .get(GROUP).groupState() == GroupState.EMPTY);
            admin.alterConsumerGroupOffsets(GROUP,
                    Map.of(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(offset))).all().get();
        }
        bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);

        // Then bismuth fires now, and samarium, read a second time, is not notified again
        await().atMost(WAIT).until(() -> api().getJson("/api/v1/alerts?element=Bi").size() == 1);
        awaitGroupAtEnd();
        assertThat(api().getJson("/api/v1/alerts?element=Sm")).hasSize(1);
        await().atMost(WAIT).until(() -> receiver.requests().size() >= 2);
        assertThat(api().getJson("/api/v1/deliveries")).hasSize(2);
        assertThat(receiver.requests()).hasSize(2);
    }

    /** Until the group's committed offset is the end of the topic: every record read and acted on. */
    private void awaitGroupAtEnd() {
        try (Admin admin = admin()) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            await().atMost(WAIT).until(() -> {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                return committed != null && committed.offset() == end;
            });
        }
    }

    private void publish(ElementRiskChanged change) {
        RiskChanges.publish(brokers, change);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    private ApiClient api() {
        return new ApiClient(port, TOKEN);
    }
}
