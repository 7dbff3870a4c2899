package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.lodestone.events.Contributor;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.EventType;
import io.lodestone.events.RiskLevel;
import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bills of materials through the real API, database, broker and receivers: a bad upload is a
 * problem naming line and column and stores nothing; a good one has kg/yr per element; a
 * subscription linked to it watches its elements and its notifications name the parts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "lodestone.api.tokens=" + BomExposureIntegrationTest.TOKEN,
        "lodestone.alert.egress.allowed-cidrs=127.0.0.0/8",
        "lodestone.alert.sweep-interval=100ms",
        "lodestone.alert.delivery.poll-interval=100ms",
        "lodestone.alert.delivery.timeout=5s"})
@EmbeddedKafka(partitions = 1)
class BomExposureIntegrationTest {

    static final String TOKEN = "bom-test-token";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path DEMO_BOM = Path.of("demo/bom-ev-motor-and-servo.csv");
    static final String HEADER = "part_number,description,annual_volume,magnet_type,magnet_grade,magnet_mass_g,element_content_g\n";

    @RegisterExtension
    static final GreenMailExtension SMTP = TestMail.server();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "bom_it");
        TestMail.register(registry, SMTP);
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<RecordingHttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(RecordingHttpServer::close);
    }

    @Test
    void aBadRowIsAProblemNamingLineAndColumnAndNothingIsSaved() {
        int before = api().getJson("/api/v1/boms").size();

        HttpResponse<String> response = api().post("/api/v1/boms?name=Broken", "text/csv", HEADER
                + "TM-1,Rotor,1000,NdFeB,N42SH,1200,\n"
                + "TM-2,Rotor,1000,NdFeB,N42QQ,1200,\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid bill of materials");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("magnet_grade");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("N42QQ");
        assertThat(api().getJson("/api/v1/boms")).hasSize(before);
    }

    @Test
    void aGoodBomShowsKilogramsPerYearPerElementWithTheirPartsAndLevels() throws Exception {
        publish(rise("Dy", RiskLevel.SEVERE, 80.7));

        String id = uploadDemoBom();

        JsonNode bom = api().getJson("/api/v1/boms/" + id);
        assertThat(bom.get("parts")).hasSize(7);
        assertThat(bom.get("parts").get(0).get("magnetGrade").asString()).isEqualTo("N45SH-GBD");
        JsonNode exposure = await().atMost(WAIT).until(() -> api().getJson("/api/v1/boms/" + id + "/exposure"),
                e -> element(e, "Dy").get("level").isString());
        JsonNode dy = element(exposure, "Dy");
        // 30000 × 1.9 kg × 5.5 % + 120000 × 1.35 kg × 0.3 % + 80000 × 0.095 kg × 4.0 %
        assertThat(dy.get("kgPerYear").asDouble()).isEqualTo(3925.0);
        assertThat(dy.get("kgPerYearMin").asDouble()).isEqualTo(2793.0);
        assertThat(dy.get("kgPerYearMax").asDouble()).isEqualTo(5705.0);
        assertThat(dy.get("level").asString()).isEqualTo("SEVERE");
        assertThat(dy.get("parts").get(0).get("partNumber").asString()).isEqualTo("TM-220-ROT");
        assertThat(dy.get("parts").get(0).get("kgPerYear").asDouble()).isEqualTo(3135.0);
        assertThat(element(exposure, "Ta").get("kgPerYear").asDouble()).isEqualTo(32.0);
        assertThat(element(exposure, "Fe").get("tracked").asBoolean()).isFalse();
        assertThat(exposure.get("compositionVersion").asString()).isNotBlank();
        assertThat(api().getJson("/api/v1/boms")).extracting(b -> b.get("id").asString()).contains(id);
    }

    @Test
    void aJsonUploadIsNamedByItsDocumentAndABomLinkedToASubscriptionCannotBeDeleted() {
        HttpResponse<String> created = api().post("/api/v1/boms", "application/json", """
                {"name": "Servo drive only",
                 "parts": [{"partNumber": "SV-1", "annualVolume": 1000, "magnetType": "NdFeB",
                            "magnetGrade": "N42SH", "magnetMassG": 100}]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(json.readTree(created.body()).get("name").asString()).isEqualTo("Servo drive only");
        String subscription = api().create("/api/v1/subscriptions", """
                {"name": "Servo buyers", "bom": {"id": "%s", "minKgPerYear": 1},
                 "trigger": {"minLevel": "HIGH"}, "channels": {"email": {"to": ["servo@example.com"]}}}"""
                .formatted(id)).get("id").asString();

        assertThat(api().delete("/api/v1/boms/" + id).statusCode()).isEqualTo(409);
        // 1000 × 100 g: Nd 21.06 kg, Pr 5.94, Dy 4, Co 1; Tb (0 typical) and Fe, B (not tracked) are not watched
        assertThat(api().getJson("/api/v1/subscriptions/" + subscription).get("watchedElements"))
                .extracting(JsonNode::asString).containsExactlyInAnyOrder("Nd", "Pr", "Dy", "Co");
        assertThat(api().delete("/api/v1/subscriptions/" + subscription).statusCode()).isEqualTo(204);
        assertThat(api().delete("/api/v1/boms/" + id).statusCode()).isEqualTo(204);
        assertThat(api().get("/api/v1/boms/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aFloorThatLeavesNothingToWatchIsRefusedNamingTheField() {
        String id = uploadDemoBom();

        HttpResponse<String> response = api().post("/api/v1/subscriptions", """
                {"name": "Too high", "bom": {"id": "%s", "minKgPerYear": 1000000},
                 "trigger": {"minLevel": "HIGH"}, "channels": {"email": {"to": ["x@example.com"]}}}""".formatted(id));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("bom.minKgPerYear", "the largest is Nd 51105.1 kg/yr");
    }

    @Test
    void notificationsOfALinkedSubscriptionNameThePartsAndKilogramsPerYearOfEachAlertedElement() throws Exception {
        RecordingHttpServer slack = server();
        RecordingHttpServer webhook = server();
        String id = uploadDemoBom();
        api().create("/api/v1/subscriptions", """
                {"name": "Motor buyers", "bom": {"id": "%s", "minKgPerYear": 100},
                 "trigger": {"minLevel": "HIGH"}, "groupWait": "PT1S",
                 "channels": {"email": {"to": ["motors@example.com"]}, "slack": {"webhookUrl": "%s"},
                              "webhook": {"url": "%s", "secret": "%s"}}}"""
                .formatted(id, slack.uri("/services/T/B/x"), webhook.uri("/hooks/bom"), SECRET));

        publish(rise("Tb", RiskLevel.HIGH, 71.0));

        // another test's dysprosium risk may fire for this subscription too, in this or its own notification
        RecordedRequest webhookCall = await().atMost(WAIT).until(() -> withTerbium(webhook), r -> r != null);
        RecordedRequest slackMessage = await().atMost(WAIT).until(() -> withTerbium(slack), r -> r != null);
        MimeMessage email = await().atMost(WAIT).until(() -> firstTo("motors@example.com", "Tb HIGH"), m -> m != null);

        String text = textPart(email, "text/plain");
        assertThat(text).contains("Tb (terbium): HIGH",
                "Touches 810 kg/yr (486–1,904 kg/yr) of Tb in bill of materials \"Demo motors and servos\":",
                "* TM-150-ROT EV traction motor 150 kW, rotor magnet set (48 segments): 810 kg/yr");
        assertThat(textPart(email, "text/html")).contains("TM-150-ROT", "810 kg/yr");

        String section = StreamSupport.stream(json.readTree(slackMessage.bodyAsString()).get("blocks").spliterator(), false)
                .filter(b -> b.get("type").asString().equals("section"))
                .map(b -> b.get("text").get("text").asString())
                .filter(t -> t.startsWith("*Tb*")).findFirst().orElseThrow();
        assertThat(section).contains("*810 kg/yr (486–1,904 kg/yr)* in _Demo motors and servos_: TM-150-ROT 810 kg/yr");

        assertThat(Schemas.webhookBodyProblems(webhookCall.bodyAsString())).isEmpty();
        JsonNode exposure = StreamSupport.stream(json.readTree(webhookCall.body()).get("data").get("alerts").spliterator(), false)
                .filter(a -> a.get("element").asString().equals("Tb")).findFirst().orElseThrow().get("exposure");
        assertThat(exposure.get("bomId").asString()).isEqualTo(id);
        assertThat(exposure.get("kgPerYear").asDouble()).isEqualTo(810.0);
        assertThat(exposure.get("kgPerYearMax").asDouble()).isEqualTo(1904.0);
        assertThat(exposure.get("parts")).hasSize(1);
        assertThat(exposure.get("parts").get(0).get("partNumber").asString()).isEqualTo("TM-150-ROT");
    }

    @Test
    void aWebhookBodyWithoutABomValidatesWithExposureNull() {
        String body = """
                {"specversion": "1.0", "id": "d1", "source": "/lodestone/alert-service",
                 "type": "io.lodestone.alert.notification.v1", "subject": "s1", "time": "2025-04-04T09:00:00Z",
                 "datacontenttype": "application/json", "data": {"id": "n1", "subscriptionId": "s1",
                 "subscriptionName": "x", "trigger": "level HIGH or above", "kind": "FIRING", "createdAt": "2025-04-04T09:00:00Z",
                 "alerts": [{"alertId": "a1", "element": "Dy", "elementName": "dysprosium", "change": "FIRED",
                   "level": "HIGH", "score": 70, "previousLevel": null, "previousScore": null, "scoreChange": null,
                   "firedAt": "2025-04-04T09:00:00Z", "resolvedAt": null, "evidence": [], "exposure": %s}]}}""";

        assertThat(Schemas.webhookBodyProblems(body.formatted("null"))).isEmpty();
        assertThat(Schemas.webhookBodyProblems(body.formatted("{\"bomId\": \"b1\"}"))).isNotEmpty();
    }

    private String uploadDemoBom() {
        try {
            HttpResponse<String> response = api().post("/api/v1/boms?name=Demo%20motors%20and%20servos", "text/csv",
                    Files.readString(DEMO_BOM));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return json.readTree(response.body()).get("id").asString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode element(JsonNode exposure, String symbol) {
        return StreamSupport.stream(exposure.get("elements").spliterator(), false)
                .filter(e -> e.get("element").asString().equals(symbol)).findFirst().orElseThrow();
    }

    private static RecordedRequest withTerbium(RecordingHttpServer receiver) {
        return receiver.requests().stream().filter(r -> r.bodyAsString().contains("\"*Tb*") || r.bodyAsString()
                .contains("\"element\":\"Tb\"")).findFirst().orElse(null);
    }

    private static MimeMessage firstTo(String address, String inSubject) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(inSubject)) {
                return message;
            }
        }
        return null;
    }

    private static String textPart(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = textPart(child, type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? (String) part.getContent() : null;
    }

    private static ElementRiskChanged rise(String element, RiskLevel level, double score) {
        return new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, element, score, level, 30.0, RiskLevel.GUARDED,
                25.0, Instant.now(), List.of(new Contributor("evt-2025-04-04-mofcom-18", "MOFCOM No. 18 of 2025",
                "https://www.mofcom.gov.cn/", EventType.EXPORT_RESTRICTION, Instant.parse("2025-04-04T08:00:00Z"), 38.5,
                "Sm, Gd, Tb, Dy, Lu, Sc and Y now need export licences")));
    }

    private void publish(ElementRiskChanged change) {
        try (KafkaTestClient kafka = new KafkaTestClient(brokers)) {
            kafka.send("element.risk.v1", change.element(), json.writeValueAsString(change),
                    KafkaTestClient.attributesFor(change, "/lodestone/risk-scoring-service"));
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
}
