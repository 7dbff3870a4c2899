package io.lodestone.local;

import io.lodestone.events.CloudEvents;
import io.lodestone.events.MessageType;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.net.URI;
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
 * {@code --demo}: creates a subscription for magnet buyers (email to the mail catcher, from
 * ELEVATED up: replayed history has decayed by today, so HIGH would rarely be reached) and replays
 * the demo's sample events of 2010–2025 onto {@code supply.events.v1}, on top of the measures in
 * force that news-ingest-service publishes at every first start, so a newcomer sees alerts arrive.
 * Both happen once per data folder; a restart does not repeat them.
 */
final class Demo {

    static final String SUBSCRIPTION_NAME = "Demo: NdFeB and SmCo magnet buyers";
    static final String DEMO_SOURCE = "/lodestone/demo";

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
        createSubscription();
        int events = replay(settings.root().resolve("risk-scoring-service/demo/supply-events-2023-2025.jsonl"));
        Files.writeString(marker, Instant.now().toString());
        return "demo: subscription '" + SUBSCRIPTION_NAME + "' created (email to demo-buyer@lodestone.local), "
                + events + " sample events replayed on top of the measures in force";
    }

    private void createSubscription() throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of(
                "name", SUBSCRIPTION_NAME,
                "groups", List.of("NDFEB_MAGNET", "SMCO_MAGNET"),
                "trigger", Map.of("minLevel", "ELEVATED"),
                "channels", Map.of("email", Map.of("to", List.of("demo-buyer@lodestone.local"))),
                "groupWait", "PT10S"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.alertPort() + "/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("creating the demo subscription failed: HTTP " + response.statusCode()
                    + " " + response.body());
        }
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
