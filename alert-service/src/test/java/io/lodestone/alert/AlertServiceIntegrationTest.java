package io.lodestone.alert;

import static io.lodestone.alert.RiskChanges.APRIL_ELEMENTS;
import static io.lodestone.alert.RiskChanges.fall;
import static io.lodestone.alert.RiskChanges.rise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.lodestone.events.CloudEvents;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.MessageType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.ActuatorProbe;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against real infrastructure: an embedded KRaft broker, embedded PostgreSQL,
 * GreenMail for SMTP and recording HTTP servers standing in for Slack and webhook receivers.
 * Each test watches its own elements, so tests do not see each other's alerts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + AlertServiceIntegrationTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.limits.min-repeat-interval=1s",
        "lodestone.alert.delivery.poll-interval=100ms",
        "lodestone.alert.delivery.initial-backoff=200ms",
        "lodestone.alert.delivery.max-backoff=400ms",
        "lodestone.alert.delivery.max-attempts=3",
        "lodestone.alert.delivery.timeout=5s",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.evaluateRisk-in-0.consumer.back-off-max-interval=200"})
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class AlertServiceIntegrationTest {

    static final String TOKEN = "integration-test-token";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SCORING = "/lodestone/risk-scoring-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = TestMail.server();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "alert_it");
        TestMail.register(registry, SMTP);
    }

    @LocalServerPort
    int port;

    @Autowired
    HealthContributorRegistry health;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<RecordingHttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(RecordingHttpServer::close);
    }

    @Test
    void healthChecksTheDatabaseButOpensNoConnectionToTheMailRelay() {
        // anyone may ask for /actuator/health, unmetered: each request would have been an SMTP connection
        assertThat(health.getContributor("db")).isNotNull();
        assertThat(health.getContributor("mail")).isNull();
    }

    @Test
    void aprilControlOnSevenElementsGoesOutAsOneEmailOneSlackMessageAndOneWebhookCall() throws Exception {
        RecordingHttpServer slack = server();
        RecordingHttpServer webhook = server();
        String subscriptionId = subscribe("""
                {"name": "Magnet <buyers> & co", "elements": ["Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"],
                 "trigger": {"minLevel": "HIGH"}, "groupWait": "PT5S",
                 "channels": {"email": {"to": ["buyer@example.com", "cfo@example.com"]},
                              "slack": {"webhookUrl": "%s"},
                              "webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(slack.uri("/services/T000/B000/slack-token"), webhook.uri("/hooks/lodestone"), SECRET));
        Instant asOf = Instant.parse("2025-04-04T09:00:00Z");

        publish(APRIL_ELEMENTS.stream().map(element -> rise(element, RiskLevel.HIGH, 72.5, asOf)).toList());

        RecordedRequest slackMessage = slack.awaitRequests(1, WAIT).get(0);
        RecordedRequest webhookCall = webhook.awaitRequests(1, WAIT).get(0);
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                slack.requests().size() == 1 && webhook.requests().size() == 1 && SMTP.getReceivedMessages().length == 2);

        MimeMessage email = SMTP.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("buyer@example.com", "cfo@example.com");
        assertThat(email.getSubject()).startsWith("[Lodestone] Firing: ").contains("Dy HIGH", "Tb HIGH", "Sm HIGH")
                .contains("and 1 more");
        Map<String, String> parts = textParts(email);
        assertThat(parts.get("text/plain"))
                .contains("7 alerts firing", "Dy (dysprosium): HIGH", "Score 72.5, was 30.0 (+42.5)",
                        "https://www.mofcom.gov.cn/article/zcfb?id=18&lang=en",
                        "\"Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences <script>alert('x')</script>\"");
        assertThat(parts.get("text/html"))
                .contains("Magnet &lt;buyers&gt; &amp; co", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                        "<a href=\"https://www.mofcom.gov.cn/article/zcfb?id=18&amp;lang=en\">",
                        "&lt;b&gt;export controls&lt;/b&gt; &amp; licences", "<blockquote>")
                .doesNotContain("<script>", "<b>export");

        JsonNode blocks = json.readTree(slackMessage.bodyAsString()).get("blocks");
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asString()).startsWith("Firing: ").contains("Dy HIGH");
        List<JsonNode> sections = StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.get("type").asString().equals("section")).toList();
        assertThat(sections).hasSize(7);
        assertThat(sections.get(0).get("text").get("text").asString())
                .contains("is *HIGH*", "&lt;script&gt;").doesNotContain("<script>");
        JsonNode context = blocks.get(2);
        assertThat(context.get("type").asString()).isEqualTo("context");
        assertThat(context.get("elements").get(0).get("text").asString())
                .isEqualTo("<https://www.mofcom.gov.cn/article/zcfb?id=18&amp;lang=en|MOFCOM No. 18 of 2025 "
                        + "&lt;b&gt;export controls&lt;/b&gt; &amp; licences> (+38.5)");

        assertSignedByStandardWebhooks(webhookCall, SECRET);
        assertThat(Schemas.webhookBodyProblems(webhookCall.bodyAsString())).isEmpty();
        JsonNode event = json.readTree(webhookCall.body());
        assertThat(webhookCall.header("content-type")).startsWith("application/cloudevents+json");
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("io.lodestone.alert.notification.v1");
        assertThat(event.get("id").asString()).isEqualTo(webhookCall.header("webhook-id"));
        assertThat(event.get("data").get("kind").asString()).isEqualTo("FIRING");
        assertThat(event.get("data").get("alerts")).hasSize(7);

        JsonNode alerts = api().getJson("/api/v1/alerts?subscriptionId=" + subscriptionId + "&state=firing");
        assertThat(alerts).hasSize(7);
        assertThat(alerts.get(0).get("lastNotifiedAt").isNull()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(api().getJson(
                "/api/v1/deliveries?status=sent&subscriptionId=" + subscriptionId)).hasSize(3));
        assertThat(new ActuatorProbe(port).get("/actuator/prometheus").body())
                .containsPattern("lodestone_notification_latency_seconds_count\\{[^}]*channel=\"email\"")
                .containsPattern("lodestone_alerts_fired_total\\{[^}]*level=\"HIGH\"");

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            List<ConsumerRecord<String, String>> fired = kafka.readUntil("alerts.v1",
                    records -> forSubscription(records, subscriptionId).size() >= 7, WAIT);
            ConsumerRecord<String, String> first = forSubscription(fired, subscriptionId).get(0);
            assertThat(header(first, CloudEvents.TYPE)).isEqualTo("io.lodestone.alert.fired.v1");
            assertThat(header(first, CloudEvents.SOURCE)).isEqualTo("/lodestone/alert-service");
            assertThat(json.readTree(first.value()).get("type").asString()).isEqualTo("AlertFired");
            assertThat(json.readTree(first.value()).get("silenced").asBoolean(true)).isFalse();
            assertThat(Schemas.contractProblems(MessageType.ALERT_FIRED, first.value())).isEmpty();
            assertThat(json.readTree(first.value()).get("evidence").get(0).get("eventId").asString())
                    .isEqualTo("evt-2025-04-04-mofcom-18");
        }

        Instant later = Instant.parse("2025-06-01T09:00:00Z");
        publish(APRIL_ELEMENTS.stream().map(element -> fall(element, RiskLevel.HIGH, later)).toList());

        RecordedRequest resolveNotice = slack.awaitRequests(2, WAIT).get(1);
        assertThat(webhook.awaitRequests(2, WAIT)).hasSize(2);
        assertThat(json.readTree(resolveNotice.bodyAsString()).get("blocks").get(0).get("text").get("text").asString())
                .startsWith("Resolved: ");
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length == 4);
        assertThat(SMTP.getReceivedMessages()[3].getSubject()).startsWith("[Lodestone] Resolved: ");
        assertThat(api().getJson("/api/v1/alerts?subscriptionId=" + subscriptionId + "&state=resolved")).hasSize(7);
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            List<ConsumerRecord<String, String>> resolved = kafka.readUntil("alerts.v1", records ->
                    resolvedOf(records, subscriptionId).size() == 7, WAIT);
            assertThat(Schemas.contractProblems(MessageType.ALERT_RESOLVED,
                    resolvedOf(resolved, subscriptionId).get(0).value())).isEmpty();
        }
    }

    @Test
    void receiverThatFailsWith500GetsTheSameDeliveryAgainUntilItSucceeds() {
        RecordingHttpServer webhook = server().enqueue(Response.status(500));
        String subscriptionId = subscribe(webhookOnly("Ga", webhook));

        publish(rise("Ga", RiskLevel.HIGH, 65, Instant.parse("2025-01-10T00:00:00Z")));

        List<RecordedRequest> calls = webhook.awaitRequests(2, WAIT);
        assertThat(calls.get(1).header("webhook-id")).isEqualTo(calls.get(0).header("webhook-id"));
        assertSignedByStandardWebhooks(calls.get(1), SECRET);
        JsonNode delivery = awaitDelivery(subscriptionId, "SENT");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        JsonNode attempts = api().getJson("/api/v1/deliveries/" + delivery.get("id").asString()).get("attemptLog");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(attempts.get(0).get("httpStatus").asInt()).isEqualTo(500);
        assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void receiverAnswerWithControlCharactersIsRecordedAsAnAttemptNotSentAgainForever() {
        // a NUL in the answer, which PostgreSQL refuses in text, and an escape that would colour a terminal
        RecordingHttpServer webhook = server().enqueue(new Response(500, Map.of("Content-Type", "text/plain"),
                "broken\u0000 \u001b[31mred".getBytes(StandardCharsets.UTF_8)));
        String subscriptionId = subscribe(webhookOnly("In", webhook));

        publish(rise("In", RiskLevel.HIGH, 66, Instant.parse("2025-01-10T06:00:00Z")));

        JsonNode delivery = awaitDelivery(subscriptionId, "SENT");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        JsonNode first = api().getJson("/api/v1/deliveries/" + delivery.get("id").asString()).get("attemptLog").get(0);
        assertThat(first.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(first.get("detail").asString()).contains("HTTP 500", "broken", "\\u0000", "red")
                .doesNotContain("\u0000", "\u001b");
        assertThat(webhook.requests()).hasSize(2);
    }

    @Test
    void tooManyRequestsWithRetryAfterWaitsAsLongAsTheReceiverAsked() {
        RecordingHttpServer slack = server().enqueue(Response.status(429).withHeader("Retry-After", "2"));
        subscribe("""
                {"name": "Germanium", "elements": ["Ge"], "trigger": {"minScore": 60}, "groupWait": "PT0S",
                 "channels": {"slack": {"webhookUrl": "%s"}}}""".formatted(slack.uri("/services/ge")));

        publish(rise("Ge", RiskLevel.HIGH, 61, Instant.parse("2025-01-11T00:00:00Z")));

        List<RecordedRequest> calls = slack.awaitRequests(2, WAIT);
        // the configured backoff is at most 400 ms: only Retry-After explains a gap of two seconds
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void clientErrorFailsAtOnceWhileServerErrorsRunOutOfAttemptsAndDie() {
        RecordingHttpServer gone = server().respondByDefault(Response.status(410));
        RecordingHttpServer broken = server().respondByDefault(Response.status(503));
        String goneSubscription = subscribe(webhookOnly("Sb", gone));
        String brokenSubscription = subscribe(webhookOnly("Sb", broken));

        publish(rise("Sb", RiskLevel.SEVERE, 85, Instant.parse("2025-01-12T00:00:00Z")));

        assertThat(awaitDelivery(goneSubscription, "FAILED").get("attempts").asInt()).isEqualTo(1);
        JsonNode dead = awaitDelivery(brokenSubscription, "DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastError").asString()).contains("503");
        assertThat(gone.requests()).hasSize(1);
        assertThat(broken.requests()).hasSize(3);
        String metrics = new ActuatorProbe(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("lodestone_notifications_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"dead\"")
                .containsPattern("lodestone_notifications_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"failed\"")
                .containsPattern("lodestone_delivery_attempts_total\\{[^}]*outcome=\"rejected\"")
                .contains("lodestone_alerts_fired_total", "lodestone_deliveries{",
                        "lodestone_alert_events{", "lodestone_alert_events_oldest_unpublished_seconds");
    }

    @Test
    void deadDeliveryResentOnceTheReceiverIsFixedArrivesWithTheSameWebhookIdAndTheActionInItsHistory() {
        // Given a webhook receiver that answers 503 until every attempt is used up
        RecordingHttpServer receiver = server().respondByDefault(Response.status(503));
        String subscriptionId = subscribe(webhookOnly("Nb", receiver));
        String id = deadDelivery(subscriptionId, "Nb");
        await().atMost(WAIT).until(() -> deliveriesGauge("dead") >= 1);

        // When the receiver is fixed and an operator resends the delivery
        receiver.respondByDefault(Response.status(204));
        HttpResponse<String> resent = api().post("/api/v1/admin/deliveries/" + id + "/resend",
                "{\"reason\": \"receiver fixed\"}");

        // Then it is sent once more, with the same webhook-id, and its history says who did what from where
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(api().parse(resent.body()).get("status").asString()).isEqualTo("PENDING");
        JsonNode sent = awaitDelivery(subscriptionId, "SENT");
        List<RecordedRequest> calls = receiver.awaitRequests(4, WAIT);
        assertThat(calls.get(3).header("webhook-id")).isEqualTo(calls.get(0).header("webhook-id")).isEqualTo(id);
        assertSignedByStandardWebhooks(calls.get(3), SECRET);
        assertThat(sent.get("attempts").asInt()).isEqualTo(4);
        JsonNode detail = api().getJson("/api/v1/deliveries/" + id);
        assertThat(detail.get("actions")).hasSize(1);
        assertThat(detail.get("actions").get(0).get("action").asString()).isEqualTo("RESEND");
        assertThat(detail.get("actions").get(0).get("fromStatus").asString()).isEqualTo("DEAD");
        assertThat(detail.get("actions").get(0).get("reason").asString()).isEqualTo("receiver fixed");
        assertThat(detail.get("attemptLog").get(3).get("outcome").asString()).isEqualTo("DELIVERED");

        // And a delivery that was sent can be neither resent nor cancelled: a problem names its state
        HttpResponse<String> again = api().post("/api/v1/admin/deliveries/" + id + "/resend", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api().parse(again.body()).get("detail").asString()).contains("is SENT", "DEAD or FAILED");
        assertThat(api().post("/api/v1/admin/deliveries/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(receiver.requests()).hasSize(4);
    }

    @Test
    void deadDeliveryCancelledIsNeverSentAndNoLongerCountsAsDead() {
        // Given a delivery that died
        RecordingHttpServer receiver = server().respondByDefault(Response.status(503));
        String subscriptionId = subscribe(webhookOnly("Ta", receiver));
        String id = deadDelivery(subscriptionId, "Ta");

        // When an operator cancels it (no reason given)
        HttpResponse<String> cancelled = api().post("/api/v1/admin/deliveries/" + id + "/cancel", "");

        // Then it is cancelled, recorded, never sent again and can no longer be resent
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(api().parse(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api().parse(cancelled.body()).get("actions").get(0).get("action").asString()).isEqualTo("CANCEL");
        assertThat(api().getJson("/api/v1/deliveries?status=dead&subscriptionId=" + subscriptionId)).isEmpty();
        assertThat(api().post("/api/v1/admin/deliveries/" + id + "/resend", "").statusCode()).isEqualTo(409);
        assertThat(api().post("/api/v1/admin/deliveries/" + UUID.randomUUID() + "/cancel", "").statusCode()).isEqualTo(404);
        assertThat(new ApiClient(port, null).post("/api/v1/admin/deliveries/" + id + "/resend", "").statusCode())
                .isEqualTo(401);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.requests().size() == 3);
    }

    @Test
    void aNewWebhookSecretSignsBesideTheOldOneSoTheReceiverCanSwitchWithoutRejectingCalls() {
        // Given a webhook subscription signed with SECRET
        RecordingHttpServer receiver = server();
        String subscriptionId = subscribe(webhookOnly("Cr", receiver));

        // When its owner gives a new secret for the same URL (and tries to choose the "previous" one too)
        String rotated = webhookOnly("Cr", receiver).replace(SECRET, NEW_SECRET)
                .replace("\"secret\":", "\"previousSecret\": \"" + CHOSEN_SECRET + "\", \"secret\":");
        HttpResponse<String> updated = api().put("/api/v1/subscriptions/" + subscriptionId, rotated);
        publish(rise("Cr", RiskLevel.HIGH, 64, Instant.parse("2025-01-15T00:00:00Z")));

        // Then the next call carries two signatures, one per secret, and verifies with either
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode webhook = api().parse(updated.body()).get("channels").get("webhook");
        assertThat(webhook.get("previousSecret").asString()).isEqualTo("whsec_…");
        assertThat(Instant.parse(webhook.get("previousSecretUntil").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(updated.body()).doesNotContain(SECRET.substring(6), NEW_SECRET.substring(6));
        RecordedRequest call = receiver.awaitRequests(1, WAIT).get(0);
        assertThat(call.header("webhook-signature").split(" ")).hasSize(2);
        assertSignedByStandardWebhooks(call, NEW_SECRET);
        assertSignedByStandardWebhooks(call, SECRET);
    }

    @Test
    void testSendReachesTheReceiverSignedAndReportsItsAnswerWithoutQueueingAnything() {
        // Given a webhook subscription whose receiver answers 204 once, then 500
        RecordingHttpServer receiver = server().enqueue(Response.status(204)).respondByDefault(Response.status(500));
        String subscriptionId = subscribe(webhookOnly("Li", receiver));

        // When its owner asks for a test send, twice
        HttpResponse<String> first = api().post("/api/v1/subscriptions/" + subscriptionId + "/test-send", "");
        HttpResponse<String> second = api().post("/api/v1/subscriptions/" + subscriptionId + "/test-send", "");

        // Then the receiver got a signed, schema-valid notification named as a test, and each answer says what it did
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode delivered = api().parse(first.body()).get(0);
        assertThat(delivered.get("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(delivered.get("outcome").asString()).isEqualTo("DELIVERED");
        RecordedRequest call = receiver.awaitRequests(2, WAIT).get(0);
        assertThat(call.header("webhook-id")).isEqualTo(delivered.get("id").asString());
        assertSignedByStandardWebhooks(call, SECRET);
        assertThat(Schemas.webhookBodyProblems(call.bodyAsString())).isEmpty();
        assertThat(call.bodyAsString()).contains("[Test] Li watch", "test send: not a real alert");
        JsonNode rejected = api().parse(second.body()).get(0);
        assertThat(rejected.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("httpStatus").asInt()).isEqualTo(500);
        // and nothing was queued or retried
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.requests().size() == 2);
        assertThat(api().getJson("/api/v1/deliveries?subscriptionId=" + subscriptionId)).isEmpty();
        assertThat(api().post("/api/v1/subscriptions/" + UUID.randomUUID() + "/test-send", "").statusCode()).isEqualTo(404);
    }

    static final String NEW_SECRET = "whsec_T2hP8hN3dRkq0XjvQb4m1zYcA9sWfLuE";
    static final String CHOSEN_SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

    /** Raises the element to HIGH and waits until the subscription's only delivery has died; its id. */
    private String deadDelivery(String subscriptionId, String element) {
        publish(rise(element, RiskLevel.HIGH, 66, Instant.parse("2025-01-13T00:00:00Z")));
        return awaitDelivery(subscriptionId, "DEAD").get("id").asString();
    }

    private double deliveriesGauge(String status) {
        String metrics = new ActuatorProbe(port).get("/actuator/prometheus").body();
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("lodestone_deliveries\\{[^}]*status=\"" + status + "\"[^}]*} ([0-9.]+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    @Test
    void silencedAlertIsRecordedButOnlyNotifiedOnceTheSilenceEnds() {
        RecordingHttpServer webhook = server();
        String subscriptionId = subscribe(webhookOnly("W", webhook));
        JsonNode silence = api().create("/api/v1/silences", """
                {"elements": ["W"], "endsAt": "%s", "comment": "known: tungsten controls", "createdBy": "ops"}"""
                .formatted(Instant.now().plus(Duration.ofHours(1))));

        publish(rise("W", RiskLevel.HIGH, 66, Instant.parse("2025-02-04T00:00:00Z")));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode alerts = api().getJson("/api/v1/alerts?element=W&subscriptionId=" + subscriptionId);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("state").asString()).isEqualTo("FIRING");
            assertThat(alerts.get(0).get("silenced").asBoolean()).isTrue();
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> webhook.requests().isEmpty());
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            List<ConsumerRecord<String, String>> fired = kafka.readUntil("alerts.v1",
                    records -> !forSubscription(records, subscriptionId).isEmpty(), WAIT);
            JsonNode event = json.readTree(forSubscription(fired, subscriptionId).get(0).value());
            assertThat(event.get("element").asString()).isEqualTo("W");
            assertThat(event.get("silenced").asBoolean()).as("alerts.v1 says nobody was notified").isTrue();
        }

        assertThat(api().delete("/api/v1/silences/" + silence.get("id").asString()).statusCode()).isEqualTo(204);

        RecordedRequest call = webhook.awaitRequests(1, WAIT).get(0);
        assertThat(json.readTree(call.body()).get("data").get("kind").asString()).isEqualTo("FIRING");
    }

    @Test
    void stillFiringAlertIsNotifiedAgainAfterTheRepeatInterval() {
        RecordingHttpServer webhook = server();
        String subscriptionId = subscribe("""
                {"name": "Molybdenum", "elements": ["Mo"], "trigger": {"minLevel": "ELEVATED"}, "groupWait": "PT0S",
                 "repeatInterval": "PT2S", "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(webhook.uri("/mo"), SECRET));

        publish(rise("Mo", RiskLevel.ELEVATED, 45, Instant.parse("2025-02-04T00:00:00Z")));

        List<RecordedRequest> calls = webhook.awaitRequests(2, WAIT);
        assertThat(json.readTree(calls.get(0).body()).get("data").get("kind").asString()).isEqualTo("FIRING");
        JsonNode repeat = json.readTree(calls.get(1).body()).get("data");
        assertThat(repeat.get("kind").asString()).isEqualTo("REPEAT");
        assertThat(repeat.get("alerts").get(0).get("change").asString()).isEqualTo("STILL_FIRING");
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(api().delete("/api/v1/subscriptions/" + subscriptionId).statusCode()).isEqualTo(204);
    }

    @Test
    void theSameRiskChangeTwiceNotifiesOnce() {
        RecordingHttpServer webhook = server();
        String subscriptionId = subscribe(webhookOnly("In", webhook));
        ElementRiskChanged change = rise("In", RiskLevel.HIGH, 70, Instant.parse("2025-02-05T00:00:00Z"));

        publish(change);
        publish(change);

        webhook.awaitRequests(1, WAIT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> webhook.requests().size() == 1);
        assertThat(api().getJson("/api/v1/alerts?subscriptionId=" + subscriptionId)).hasSize(1);
        assertThat(api().getJson("/api/v1/deliveries?subscriptionId=" + subscriptionId)).hasSize(1);
    }

    @Test
    void subscriptionCreatedOrChangedIsHeldAgainstTheCurrentRisk() {
        RecordingHttpServer early = server();
        RecordingHttpServer late = server();
        subscribe(webhookOnly("Te", early));
        publish(rise("Te", RiskLevel.HIGH, 68, Instant.parse("2025-02-04T00:00:00Z")));
        early.awaitRequests(1, WAIT);

        String lateId = subscribe(webhookOnly("Te", late));

        RecordedRequest fired = late.awaitRequests(1, WAIT).get(0);
        assertThat(json.readTree(fired.body()).get("data").get("kind").asString()).isEqualTo("FIRING");
        assertThat(api().put("/api/v1/subscriptions/" + lateId, webhookOnly("Te", late)
                .replace("\"HIGH\"", "\"SEVERE\"")).statusCode()).isEqualTo(200);
        RecordedRequest resolved = late.awaitRequests(2, WAIT).get(1);
        assertThat(json.readTree(resolved.body()).get("data").get("kind").asString()).isEqualTo("RESOLVED");
        assertThat(early.requests()).hasSize(1);
    }

    @Test
    void unreadableRiskRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        RecordingHttpServer webhook = server();
        subscribe(webhookOnly("Bi", webhook));

        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.sendRaw("element.risk.v1", "Bi", "{\"element\": \"Bi\", \"score\": \"very high\"");
            publish(rise("Bi", RiskLevel.HIGH, 70, Instant.parse("2025-02-06T00:00:00Z")));

            List<ConsumerRecord<String, String>> dead = kafka.readAtLeast("element.risk.v1.dlt", 1, WAIT);
            assertThat(dead.get(0).value()).contains("very high");
            assertThat(dead.get(0).headers().lastHeader("x-exception-message")).isNotNull();
            assertThat(new ActuatorProbe(port).get("/actuator/prometheus").body())
                    .containsPattern("lodestone_alert_dead_letters_total\\{[^}]*} [1-9]");
        }
        webhook.awaitRequests(1, WAIT);
    }

    @Test
    void subscriptionsAreManagedOverTheApiWithSecretsMaskedAndNeverLogged(CapturedOutput output) {
        RecordingHttpServer slack = server();
        String slackUrl = slack.uri("/services/T123/B456/abcdefghijklmnopqrstuvwx").toString();
        String body = """
                {"name": "Magnets", "groups": ["NDFEB_MAGNET"], "trigger": {"anyIncrease": true},
                 "channels": {"slack": {"webhookUrl": "%s"}, "webhook": {"url": "%s", "secret": "%s"}},
                 "digest": {"at": "08:00", "zone": "Europe/Berlin"}}""".formatted(slackUrl, slack.uri("/hook"), SECRET);

        JsonNode created = api().create("/api/v1/subscriptions", body);

        String id = created.get("id").asString();
        assertThat(created.get("watchedElements")).extracting(JsonNode::asString).containsExactly("Pr", "Nd", "Tb", "Dy");
        assertThat(created.get("groupWait").asString()).isEqualTo("PT30S");
        assertThat(created.get("repeatInterval").asString()).isEqualTo("PT168H");
        assertThat(created.get("notifyOnResolve").asBoolean()).isTrue();
        assertThat(created.get("digest").get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(created.get("channels").get("slack").get("webhookUrl").asString()).endsWith("/…uvwx");
        assertThat(created.get("channels").get("webhook").get("secret").asString()).isEqualTo("whsec_…");
        assertThat(api().get("/api/v1/subscriptions/" + id).body()).doesNotContain(SECRET, "abcdefghijklmnop");
        assertThat(api().get("/api/v1/subscriptions").body()).contains(id).doesNotContain(SECRET);

        HttpResponse<String> updated = api().put("/api/v1/subscriptions/" + id, """
                {"name": "Magnets (renamed)", "groups": ["NDFEB_MAGNET"], "trigger": {"minLevel": "SEVERE"},
                 "channels": {"slack": {}, "webhook": {"url": "%s"}}}""".formatted(slack.uri("/hook")));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(api().parse(updated.body()).get("trigger").get("minLevel").asString()).isEqualTo("SEVERE");
        assertThat(api().parse(updated.body()).get("channels").get("slack").get("webhookUrl").asString()).endsWith("uvwx");

        assertThat(api().delete("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(204);
        assertThat(api().get("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("abcdefghijklmnopqrstuvwx");
    }

    @Test
    void invalidSubscriptionIsRefusedWithEveryBadFieldNamed() {
        HttpResponse<String> response = api().post("/api/v1/subscriptions", """
                {"name": " ", "elements": ["Dy", "Xx"], "trigger": {"minLevel": "HIGH", "minScore": 120},
                 "groupWait": "-PT1S",
                 "channels": {"email": {"to": ["not-an-address"]},
                              "slack": {"webhookUrl": "http://169.254.169.254/latest/meta-data"},
                              "webhook": {"url": "http://10.0.0.7/hook", "secret": "plain-text"}}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode fields = api().parse(response.body()).get("errors");
        assertThat(fields).extracting(f -> f.get("field").asString()).containsExactlyInAnyOrder(
                "name", "elements[1]", "trigger", "trigger.minScore", "groupWait", "channels.email.to[0]",
                "channels.slack.webhookUrl", "channels.webhook.url", "channels.webhook.secret");
        assertThat(response.body()).contains("169.254.169.254").doesNotContain("plain-text");
    }

    @Test
    void elementsAndGroupsAreNamedOnceSoNoListOutgrowsTheCatalogue() {
        int before = api().parse(api().get("/api/v1/subscriptions").body()).size();
        // 0.9 MB, under the body cap: stored, such a list cost every risk evaluation megabytes of heap
        String manyDy = String.join(",", java.util.Collections.nCopies(150_000, "\"Dy\""));
        HttpResponse<String> flood = api().post("/api/v1/subscriptions", """
                {"name": "repeats", "elements": [%s], "trigger": {"minLevel": "HIGH"},
                 "channels": {"email": {"to": ["buyer@example.com"]}}}""".formatted(manyDy));
        assertThat(flood.statusCode()).isEqualTo(400);
        assertThat(api().parse(flood.body()).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("elements");
            assertThat(error.get("message").asString())
                    .contains("each of the " + io.lodestone.events.Elements.all().size() + " tracked elements at most once")
                    .contains("150000 entries");
        });
        // 3.6 MB, still under the body cap, but past the JSON token limit: refused before it is bound
        HttpResponse<String> wider = api().post("/api/v1/subscriptions", """
                {"name": "repeats", "elements": [%s], "trigger": {"minLevel": "HIGH"},
                 "channels": {"email": {"to": ["buyer@example.com"]}}}""".formatted(
                String.join(",", java.util.Collections.nCopies(600_000, "\"Dy\""))));
        assertThat(wider.statusCode()).isEqualTo(400);
        assertThat(wider.body()).contains("Token count").contains("500000");

        HttpResponse<String> repeated = api().post("/api/v1/subscriptions", """
                {"name": "repeats", "elements": ["Dy", "Nd", "Dy"], "groups": ["REE", "HREE", "REE"],
                 "trigger": {"minLevel": "HIGH"}, "channels": {"email": {"to": ["buyer@example.com"]}}}""");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(api().parse(repeated.body()).get("errors")).extracting(f -> f.get("field").asString() + ": "
                + f.get("message").asString()).containsExactlyInAnyOrder("elements[2]: repeats Dy", "groups[2]: repeats REE");

        String manyRee = String.join(",", java.util.Collections.nCopies(100_000, "\"REE\""));
        HttpResponse<String> silence = api().post("/api/v1/silences", """
                {"groups": [%s], "endsAt": "2999-01-01T00:00:00Z"}""".formatted(manyRee));
        assertThat(silence.statusCode()).isEqualTo(400);
        assertThat(silence.body()).contains("\"groups\"").contains("each of the 5 groups at most once");

        assertThat(api().parse(api().get("/api/v1/subscriptions").body()).size()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void readsAndWritesNeedTheBearerToken() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/api/v1/subscriptions").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/alerts").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/deliveries").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/silences", "{}").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/openapi.yaml").body()).contains("/api/v1/subscriptions");
    }

    private String webhookOnly(String element, RecordingHttpServer receiver) {
        return """
                {"name": "%s watch", "elements": ["%s"], "trigger": {"minLevel": "HIGH"}, "groupWait": "PT0.2S",
                 "channels": {"webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(element, element, receiver.uri("/hooks/" + element), SECRET);
    }

    private String subscribe(String body) {
        return api().create("/api/v1/subscriptions", body).get("id").asString();
    }

    private JsonNode awaitDelivery(String subscriptionId, String status) {
        return await().atMost(WAIT).until(() -> api().getJson("/api/v1/deliveries?subscriptionId=" + subscriptionId),
                deliveries -> deliveries.size() == 1 && deliveries.get(0).get("status").asString().equals(status)).get(0);
    }

    private void publish(ElementRiskChanged change) {
        publish(List.of(change));
    }

    /** Publishes a burst of changes, as the scoring service does when one event moves several elements. */
    private void publish(List<ElementRiskChanged> changes) {
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            changes.forEach(change -> kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, SCORING)));
        }
    }

    private ApiClient api() {
        return new ApiClient(port, TOKEN);
    }

    private RecordingHttpServer server() {
        RecordingHttpServer server = RecordingHttpServer.start();
        servers.add(server);
        return server;
    }

    /** Verifies the Standard Webhooks signature from first principles, as a receiver would. */
    static void assertSignedByStandardWebhooks(RecordedRequest request, String secret) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        assertThat(id).isNotBlank();
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signed = (id + "." + timestamp + "." + request.bodyAsString()).getBytes(StandardCharsets.UTF_8);
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
            assertThat(request.header("webhook-signature").split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private List<ConsumerRecord<String, String>> forSubscription(List<ConsumerRecord<String, String>> records,
                                                                 String subscriptionId) {
        return records.stream().filter(r -> r.value().contains(subscriptionId)).toList();
    }

    private List<ConsumerRecord<String, String>> resolvedOf(List<ConsumerRecord<String, String>> records,
                                                            String subscriptionId) {
        return forSubscription(records, subscriptionId).stream()
                .filter(r -> "io.lodestone.alert.resolved.v1".equals(header(r, CloudEvents.TYPE))).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The text/plain and text/html parts of a (nested) multipart message. */
    private static Map<String, String> textParts(Part part) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                parts.putAll(textParts(child));
            }
        } else if (part.isMimeType("text/plain")) {
            parts.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts.put("text/html", (String) part.getContent());
        }
        return parts;
    }
}
