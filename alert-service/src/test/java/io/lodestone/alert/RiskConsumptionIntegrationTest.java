package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Contributor;
import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the service reads {@code element.risk.v1} on a real broker: only committed records count
 * (scoring writes in transactions), an element's first rise fires "any increase", and a record
 * that cannot be evaluated for a reason other than the database goes to {@code element.risk.v1.dlt}
 * with its error headers while the records after it are still evaluated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + RiskConsumptionIntegrationTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-max-interval=200"})
@EmbeddedKafka(partitions = 1, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@ExtendWith(OutputCaptureExtension.class)
class RiskConsumptionIntegrationTest {

    static final String TOKEN = "risk-consumption-token";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TOPIC = "element.risk.v1";
    static final Instant AS_OF = Instant.parse("2025-04-04T09:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_consumption");
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<RecordingHttpServer> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(RecordingHttpServer::close);
    }

    @Test
    void anElementsFirstRiseFiresAnyIncreaseFromAFreshStart() {
        // Given an "any increase" subscription, and elements no change has been seen for
        RecordingHttpServer receiver = receiver();
        subscribe("""
                {"name": "Magnet rises", "elements": ["Nd", "Pr"], "trigger": {"anyIncrease": true},
                 "groupWait": "PT0S", "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(receiver.uri("/rises"), AlertServiceIntegrationTest.SECRET));

        // When each element's first change arrives: one naming its baseline as where it rose from
        // (as scoring publishes it), one from an older producer that names no previous level
        publish(new ElementRiskChanged(1, "Nd", 45.0, RiskLevel.ELEVATED, 31.5, RiskLevel.GUARDED, 31.5, AS_OF, List.of()));
        publish(new ElementRiskChanged(1, "Pr", 45.0, RiskLevel.ELEVATED, null, null, 31.5, AS_OF, List.of()));

        // Then both fire, rising from the baseline's level
        for (String element : List.of("Nd", "Pr")) {
            var alerts = await().atMost(WAIT).until(() -> api().getJson("/api/v1/alerts?element=" + element),
                    found -> found.size() == 1);
            assertThat(alerts.get(0).get("state").asString()).isEqualTo("FIRING");
            assertThat(alerts.get(0).get("fromLevel").asString()).isEqualTo("GUARDED");
        }
        receiver.awaitRequests(1, WAIT);
    }

    @Test
    void aRiskChangeWhoseTransactionWasAbortedIsNeverActedOn() {
        // Given a subscription to HIGH for samarium and terbium
        subscribe("""
                {"name": "High", "elements": ["Sm", "Tb"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(receiver().uri("/high"), AlertServiceIntegrationTest.SECRET));

        // When samarium's rise is written in a transaction that is aborted, and terbium's is committed after it
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "risk-consumption-test"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "Sm", json.writeValueAsString(RiskChanges.rise("Sm", RiskLevel.HIGH, 70, AS_OF))));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "Tb", json.writeValueAsString(RiskChanges.rise("Tb", RiskLevel.HIGH, 70, AS_OF))));
            producer.commitTransaction();
        }

        // Then terbium fires, and samarium, read before it, never does
        await().atMost(WAIT).until(() -> api().getJson("/api/v1/alerts?element=Tb").size() == 1);
        assertThat(api().getJson("/api/v1/alerts?element=Sm")).isEmpty();
    }

    @Test
    void aRecordThatCannotBeEvaluatedGoesToTheDeadLetterTopicWithErrorHeadersAndTheNextIsEvaluated(CapturedOutput log) {
        // Given a subscription to HIGH for bismuth
        subscribe("""
                {"name": "Bismuth", "elements": ["Bi"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(receiver().uri("/bi"), AlertServiceIntegrationTest.SECRET));
        String valid = json.writeValueAsString(RiskChanges.rise("Bi", RiskLevel.HIGH, 70, AS_OF));
        List<byte[]> bad = Arrays.asList(
                utf8("{not json"),
                utf8("null"),
                utf8("[\"Bi\"]"),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0},
                utf8(valid.replace("\"score\":70.0", "\"score\":150")),
                utf8(valid.replace("\"level\":\"HIGH\"", "\"level\":\"CATASTROPHIC\"")),
                utf8(valid.replace("\"element\":\"Bi\",", "")),
                utf8(valid.replace("\"asOf\":\"2025-04-04T09:00:00Z\"", "\"asOf\":null")),
                // a valid change, but dated past what the database can store: refused, not retried forever
                utf8(valid.replace("2025-04-04T09:00:00Z", "+300000000-01-01T00:00:00Z")),
                // bismuth's risk "as of" the year 2999: stored, it would outrank every real change after it
                utf8(valid.replace("2025-04-04T09:00:00Z", "2999-01-01T00:00:00Z")),
                // an element outside the catalogue: the contract allows any symbol, this service keeps none
                utf8(valid.replace("\"element\":\"Bi\"", "\"element\":\"Zz0\"")),
                // two hours ahead of this service's clock: kept, it would shut out every real change until then
                utf8(valid.replace("2025-04-04T09:00:00Z", Instant.now().plus(Duration.ofHours(2)).toString())),
                // as large as the broker takes: its dead letter, with error headers added, is larger still
                utf8("x".repeat(1_046_000)),
                // a tombstone
                null);

        // When each bad record arrives, and then a valid one
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < bad.size(); i++) {
                producer.send(new ProducerRecord<>(TOPIC, utf8("bad-" + i), bad.get(i)));
            }
        }
        publish(RiskChanges.rise("Bi", RiskLevel.HIGH, 70, AS_OF));

        // Then the valid one fires, and each bad one is on the dead-letter topic as it came, with why and from where
        await().atMost(WAIT).until(() -> api().getJson("/api/v1/alerts?element=Bi").size() == 1);
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            List<ConsumerRecord<String, String>> dead = kafka.readUntil(TOPIC + ".dlt",
                    records -> deadOnes(records).size() == bad.size(), WAIT);
            List<ConsumerRecord<String, String>> ours = deadOnes(dead);
            assertThat(ours).extracting(ConsumerRecord::key)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, bad.size()).mapToObj(i -> "bad-" + i).toList());
            assertThat(ours.get(4).value()).contains("\"score\":150");
            // each says why, as an operator reading the dead letter needs it (the binder's conversion
            // used to hand unreadable records on as bytes, and every dead letter said ClassCastException)
            assertThat(ours).extracting(record -> text(record, DeadLetterHeaders.EXCEPTION_FQCN))
                    .doesNotContain(ClassCastException.class.getName());
            assertThat(text(ours.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("Unexpected character");
            assertThat(text(ours.get(1), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("the record's value is JSON null");
            assertThat(text(ours.get(4), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("score");
            assertThat(text(ours.get(5), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("CATASTROPHIC");
            assertThat(text(ours.get(6), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("element");
            assertThat(text(ours.get(10), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("element Zz0 is not in the catalogue");
            assertThat(text(ours.get(11), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("past this service's clock");
            assertThat(text(ours.get(bad.size() - 1), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("the record has no value");
            assertThat(log.getOut()).contains(TOPIC + "-0@").contains("sent to " + TOPIC + ".dlt: ValueInstantiationException");
            assertThat(ours).allSatisfy(record -> {
                assertThat(text(record, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
                assertThat(text(record, DeadLetterHeaders.EXCEPTION_FQCN)).isNotBlank();
                assertThat(text(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
                assertThat(text(record, DeadLetterHeaders.EXCEPTION_STACKTRACE)).contains("at ");
                assertThat(ByteBuffer.wrap(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION).value()).getInt()).isZero();
                assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).hasSize(Long.BYTES);
                assertThat(record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP).value()).hasSize(Long.BYTES);
            });
        }
    }

    @Test
    void aChangeKeepsItsFirstTenContributorsAndANulInTheirTextIsNoReasonToDropIt() {
        // Given a subscription to HIGH for antimony
        subscribe("""
                {"name": "Antimony", "elements": ["Sb"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(receiver().uri("/sb"), AlertServiceIntegrationTest.SECRET));

        // When antimony's rise arrives naming 40 contributors, the first with a NUL in its title (the
        // contract allows both; PostgreSQL cannot store the NUL, and 40 of the largest are 300 KB)
        List<Contributor> contributors = java.util.stream.IntStream.range(0, 40).mapToObj(i -> new Contributor(
                "evt-sb-" + i, (i == 0 ? "NULMARK" : "") + "Antimony report " + i + " " + "x".repeat(3_900),
                "https://example.org/sb/" + i, EventType.EXPORT_RESTRICTION, AS_OF, 40.0 - i, "quote " + i, "en")).toList();
        ElementRiskChanged rise = new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, "Sb", 72.0, RiskLevel.HIGH,
                30.0, RiskLevel.GUARDED, 25.0, AS_OF, contributors);
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send(TOPIC, "Sb", json.writeValueAsString(rise).replace("NULMARK", "\\u0000"),
                    KafkaTestClient.attributesFor(rise, AlertServiceIntegrationTest.SCORING));
        }

        // Then the alert fires, with the ten largest contributors as its evidence, the NUL shown as U+FFFD
        var alerts = await().atMost(WAIT).until(() -> api().getJson("/api/v1/alerts?element=Sb"), found -> found.size() == 1);
        var evidence = alerts.get(0).get("evidence");
        assertThat(evidence).hasSize(10);
        assertThat(evidence.get(0).get("eventId").asString()).isEqualTo("evt-sb-0");
        assertThat(evidence.get(0).get("title").asString()).startsWith("\uFFFDAntimony report 0");
        assertThat(evidence.get(9).get("eventId").asString()).isEqualTo("evt-sb-9");
    }

    private static List<ConsumerRecord<String, String>> deadOnes(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(record -> record.key() != null && record.key().startsWith("bad-")).toList();
    }

    private void publish(ElementRiskChanged change) {
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send(TOPIC, change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, AlertServiceIntegrationTest.SCORING));
        }
    }

    private void subscribe(String body) {
        api().create("/api/v1/subscriptions", body);
    }

    private RecordingHttpServer receiver() {
        RecordingHttpServer receiver = RecordingHttpServer.start();
        receivers.add(receiver);
        return receiver;
    }

    private ApiClient api() {
        return new ApiClient(port, TOKEN);
    }

    private static String text(ConsumerRecord<String, String> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
