package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.MessageType;
import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the documents promise integrators and buyers agrees with the contract and with each other:
 * the AsyncAPI document describes every topic with its schema, and the webhook example tells the
 * same story as the scoring model's worked example and backtest.
 */
class DocumentationTest {

    /** Dead-letter topics that exist (those with a writer, see KubernetesOverlaysTest). */
    private static final List<String> DEAD_LETTER_TOPICS = List.of("supply.events.v1.dlt", "element.risk.v1.dlt");

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentDescribesEveryTopicAndEveryMessageOfTheContract() throws IOException {
        Map<String, Object> asyncApi = OpsFilesTest.yaml("docs/asyncapi.yaml");
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");

        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
        List<String> addresses = channels.values().stream().map(channel -> String.valueOf(channel.get("address"))).toList();
        List<String> expected = new ArrayList<>(Topics.all().stream().map(Topic::name).toList());
        expected.addAll(DEAD_LETTER_TOPICS);
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) asyncApi.get("operations");
        List<String> operated = operations.values().stream()
                .map(operation -> String.valueOf(((Map<String, Object>) operation.get("channel")).get("$ref"))).toList();
        channels.keySet().forEach(channel -> assertThat(operated).contains("#/channels/" + channel));

        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) asyncApi.get("components")).get("messages");
        for (MessageType type : MessageType.values()) {
            Map<String, Object> message = messages.values().stream()
                    .filter(m -> type.cloudEventType().equals(m.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no message named " + type.cloudEventType()));
            String schema = String.valueOf(((Map<String, Object>) ((Map<String, Object>) message.get("payload"))
                    .get("schema")).get("$ref"));
            assertThat(schema).isEqualTo("urn:lodestone:schema:"
                    + type.schemaResource().substring(MessageType.SCHEMA_FOLDER.length()));
        }
        String text = Files.readString(Tools.repositoryRoot().resolve("docs/asyncapi.yaml"));
        assertThat(text).contains("read_committed");
    }

    @Test
    void theReadmeLinksTheBuyersGuideFirstAndTheGuideQuotesTheLatestExtractionFigures() throws IOException {
        String readme = Files.readString(Tools.repositoryRoot().resolve("README.md"));
        String guide = Files.readString(Tools.repositoryRoot().resolve("docs/for-buyers.md")).replaceAll("\\s+", " ");
        String ingest = Files.readString(Tools.repositoryRoot().resolve("news-ingest-service/README.md"));

        Matcher firstLink = Pattern.compile("\\]\\(([^)#]+)").matcher(readme);
        assertThat(firstLink.find()).isTrue();
        assertThat(firstLink.group(1)).isEqualTo("docs/for-buyers.md");

        Matcher measured = Pattern.compile("Measured (\\d{4})-(\\d{2})-(\\d{2}) on (\\d+) items").matcher(ingest);
        assertThat(measured.find()).as("the date of the real-reporting figures in news-ingest-service/README.md").isTrue();
        String day = String.valueOf(Integer.parseInt(measured.group(3)));
        String month = java.time.Month.of(Integer.parseInt(measured.group(2)))
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        assertThat(guide).contains("Measured on " + day + " " + month + " " + measured.group(1) + " on " + measured.group(4));
        Matcher heldOut = Pattern.compile("\\| held-out, now \\| [^|]+\\| (0\\.\\d+) / (0\\.\\d+) \\| (0\\.\\d+)")
                .matcher(ingest);
        assertThat(heldOut.find()).isTrue();
        assertThat(guide).contains(percent(heldOut.group(1)) + "% of the time in English and "
                        + percent(heldOut.group(2)) + "% in Chinese")
                .contains(String.format(java.util.Locale.ROOT, "F1 of %.2f", Double.parseDouble(heldOut.group(3))));
    }

    private static long percent(String fraction) {
        return Math.round(Double.parseDouble(fraction) * 100);
    }

    @Test
    void webhookExampleShowsDysprosiumAsTheBacktestScoresItOnTheDayOfNo18() throws IOException {
        String alertReadme = Files.readString(Tools.repositoryRoot().resolve("alert-service/README.md"));
        String scoringReadme = Files.readString(Tools.repositoryRoot().resolve("risk-scoring-service/README.md"));

        Matcher example = Pattern.compile("\"element\": \"Dy\", \"change\": \"FIRED\", \"level\": \"(\\w+)\",\\s*"
                + "\"score\": ([\\d.]+), \"previousLevel\": \"(\\w+)\", \"previousScore\": ([\\d.]+)").matcher(alertReadme);
        assertThat(example.find()).as("the webhook example in alert-service/README.md").isTrue();
        Matcher backtest = Pattern.compile("\\| \\*\\*Dy\\*\\*.*?2025-04-04: ([\\d.]+) → \\*\\*([\\d.]+) (\\w+)\\*\\*")
                .matcher(scoringReadme);
        assertThat(backtest.find()).as("Dy's row of the backtest table in risk-scoring-service/README.md").isTrue();

        assertThat(example.group(2)).as("score").isEqualTo(backtest.group(2));
        assertThat(example.group(1)).as("level").isEqualTo(backtest.group(3));
        assertThat(example.group(4)).as("previous score").isEqualTo(backtest.group(1));
        assertThat(alertReadme).contains("\"time\": \"2025-04-04T");
    }
}
