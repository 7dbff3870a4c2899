package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Elements;
import io.lodestone.events.Topics;
import io.lodestone.testsupport.KafkaTestClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Right from day one, as {@code ./run-local.sh} runs it without {@code --demo}: a new stack shows the
 * elements of announcement No. 18 of 2025 above their baselines, No. 18 and its official link among
 * the contributors, the console shows the same to anyone who opens it (the board lists every element,
 * {@code /elements/Dy} quotes No. 18), and the {@code seed} command run afterwards publishes nothing
 * and changes no risk.
 */
class DayOneOnTheStackTest {

    private static final List<String> NO_18 = List.of("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");
    private static final String NO_18_ID = "measure-mofcom-2025-18";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void newStackStartsFromTheMeasuresInForceAndSeedingAgainChangesNothing() throws Exception {
        // Given a new stack started as run-local.sh starts it (no --demo, nothing polled)
        try (StackFixture stack = StackFixture.start(Map.of(
                "LODESTONE_INGEST_MEASURES_AT_START", "true",
                "LODESTONE_INGEST_POLLING", "false"))) {
            int scoring = stack.settings.scoringPort();

            // Then every element of No. 18 is above its baseline, because of No. 18, with its source link
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                for (String element : NO_18) {
                    JsonNode detail = JSON.readTree(stack.get(scoring, "/api/v1/risk/" + element).body());
                    assertThat(detail.path("summary").path("score").asDouble()).as(element)
                            .isGreaterThan(detail.path("summary").path("baseline").asDouble());
                    assertThat(detail.path("contributors")).as(element).anySatisfy(contributor -> {
                        assertThat(contributor.path("eventId").asString()).isEqualTo(NO_18_ID);
                        assertThat(contributor.path("url").asString()).startsWith("https://www.mofcom.gov.cn/");
                    });
                }
            });
            // And the console, public as run-local.sh starts it, shows the same to anyone without signing in
            int alert = stack.settings.alertPort();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                String board = anonymous(stack, alert, "/");
                assertThat(board).contains(Elements.all().stream().map(e -> "id=\"row-" + e.symbol() + "\"").toArray(String[]::new));
                String dysprosium = anonymous(stack, alert, "/elements/Dy");
                assertThat(dysprosium).contains("announcement No. 18 of 2025", "<blockquote class=\"evidence\">",
                        "href=\"https://www.mofcom.gov.cn/", "data-chart=");
            });
            try (KafkaTestClient kafka = new KafkaTestClient(stack.settings.kafkaBootstrap())) {
                int changes = kafka.readAll(Topics.ELEMENT_RISK.name(), Duration.ofSeconds(10)).size();

                // When the measures are seeded again on demand
                String output = seed(stack.settings);

                // Then nothing is published and no risk changes
                assertThat(output).contains(" 0 published, ");
                assertThat(kafka.readAll(Topics.ELEMENT_RISK.name(), Duration.ofSeconds(10))).hasSize(changes);
            }
        }
    }

    /** A page as a visitor who has not signed in gets it: no token, no session. */
    private static String anonymous(StackFixture stack, int port, String path) {
        HttpResponse<String> page = stack.raw(HttpRequest.newBuilder(StackFixture.uri(port, path)).GET().build());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    /**
     * Runs {@code java -jar news-ingest-service.jar seed} against the stack's broker with the services'
     * JVM options, as the image's entry point runs a command (the context processed ahead of time asked
     * for); returns its output.
     */
    private static String seed(StackSettings settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", settings.jar("news-ingest-service").toString(), "seed"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        builder.environment().put("LODESTONE_API_TOKEN", settings.token());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
