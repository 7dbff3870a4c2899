package io.lodestone.local;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MessageType;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo}: uploads a sample bill of materials (an EV traction motor and a servo drive),
 * creates a subscription for magnet buyers linked to it (email to the mail catcher, from
 * ELEVATED up: replayed history has decayed by today, so HIGH would rarely be reached; its emails
 * name the parts behind each alerted element) and replays
 * the demo's sample events of 2010–2025 onto {@code supply.events.v1}, on top of the measures in
 * force that news-ingest-service publishes at every first start, so a newcomer sees alerts arrive.
 * Both happen once per data folder; a restart does not repeat them.
 */
final class Demo {

    static final String SUBSCRIPTION_NAME = "Demo: NdFeB and SmCo magnet buyers";
    static final String DEMO_SOURCE = "/lodestone/demo";
    static final String BOM_NAME = "Demo: EV traction motor and servo drive";
    static final String BOM_FILE = "alert-service/demo/bom-ev-motor-and-servo.csv";

    private final StackSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    Demo(StackSettings settings) {
        this.settings = settings;
    }

    /** Returns a line describing what was done. */
    String run() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Path marker = settings.dataDir().resolve("demo-replayed");
        if (Files.exists(marker)) {
            return "demo: already replayed into this data folder (use --clean --demo to replay it again)";
        }
        String bomId = uploadBom(settings.root().resolve(BOM_FILE));
        createSubscription(bomId);
        int events = replay(settings.root().resolve("risk-scoring-service/demo/supply-events-2023-2025.jsonl"));
        Files.writeString(marker, Instant.now().toString());
        return "demo: bill of materials '" + BOM_NAME + "' uploaded (/boms/" + bomId + "), subscription '"
                + SUBSCRIPTION_NAME + "' linked to it created (email to demo-buyer@lodestone.local), "
                + events + " sample events replayed on top of the measures in force";
    }

    /** Uploads the sample BOM (our own made-up but realistic numbers) and returns its id. */
    private String uploadBom(Path file) throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("the demo bill of materials " + file + " is missing");
        }
        String query = "?name=" + URLEncoder.encode(BOM_NAME, StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/api/v1/boms" + query, "text/csv", Files.readString(file), "the demo bill of materials");
        return json.readTree(response.body()).get("id").asString();
    }

    /** Watches the magnet groups and every element of the BOM; its notifications name the parts. */
    private void createSubscription(String bomId) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of(
                "name", SUBSCRIPTION_NAME,
                "groups", List.of("NDFEB_MAGNET", "SMCO_MAGNET"),
                "bom", Map.of("id", bomId),
                "trigger", Map.of("minLevel", "ELEVATED"),
                "channels", Map.of("email", Map.of("to", List.of("demo-buyer@lodestone.local"))),
                "groupWait", "PT10S"));
        post("/api/v1/subscriptions", "application/json", body, "the demo subscription");
    }

    private HttpResponse<String> post(String path, String contentType, String body, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.alertPort() + path))
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("creating " + what + " failed: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return response;
    }

    private int replay(Path file) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("the demo timeline " + file + " is missing");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) {
                JsonNode event = json.readTree(line);
                CloudEvents attributes = new CloudEvents(UUID.randomUUID().toString(),
                        MessageType.SUPPLY_EVENT_DETECTED.cloudEventType(), DEMO_SOURCE,
                        Instant.parse(event.get("publishedAt").asString()));
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.SUPPLY_EVENTS.name(), event.get("eventId").asString(), line);
                attributes.headerBytes().forEach((name, value) -> record.headers().add(name, value));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
        return lines.size();
    }
}
