package io.lodestone.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExtractCommandTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String LICENSING = """
            {"id":"a","title":"China imposes export licensing on seven heavy rare earths","text":"Samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium may only be exported with a licence, the commerce ministry said.","url":"https://wire.example.com/a","publishedAt":"2025-04-04T08:00:00Z"}""";
    private static final String LICENSING_COPY = """
            {"id":"b","title":"China imposes export licensing on seven heavy rare earths","text":"Samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium may only be exported with a licence, the commerce ministry said on Friday.","url":"https://paper.example.org/b","publishedAt":"2025-04-04T11:00:00Z"}""";
    private static final String NOISE = """
            {"id":"c","title":"FDA approves therapy for rare disease","text":"Doctors said the treatment helps patients with a rare muscle disorder.","publishedAt":"2025-04-04T12:00:00Z"}""";

    @Test
    void writesOneEventLinePerItemInInputOrder() {
        List<JsonNode> lines = run(List.of(), LICENSING, NOISE);

        assertThat(lines).extracting(l -> l.get("id").asString()).containsExactly("a", "c");
        JsonNode event = lines.get(0);
        assertThat(event.get("relevant").asBoolean()).isTrue();
        assertThat(event.get("eventType").asString()).isEqualTo("EXPORT_RESTRICTION");
        assertThat(event.get("elements")).extracting(JsonNode::asString)
                .containsExactly("Sm", "Gd", "Tb", "Dy", "Lu", "Y", "Sc");
        assertThat(event.get("publishedAt").asString()).isEqualTo("2025-04-04T08:00:00Z");
        assertThat(event.get("detectedAt").asString()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(event.has("duplicateOf")).isFalse();
        assertThat(lines.get(1).get("relevant").asBoolean()).isFalse();
        assertThat(lines.get(1).get("eventType").asString()).isEqualTo("NOT_RELEVANT");
    }

    @Test
    void malformedLineGivesAnErrorLineAndTheRestGoesOn() {
        List<JsonNode> lines = run(List.of(), "{\"id\":\"broken\",\"title\":", "not json at all",
                "{\"id\":\"empty\"}", "{\"id\":\"bad-date\",\"title\":\"x\",\"publishedAt\":\"yesterday\"}", NOISE);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("id").asString()).isEqualTo("broken");
        assertThat(lines.get(0).get("error").asString()).startsWith("not a JSON object");
        assertThat(lines.get(1).get("id").isNull()).isTrue();
        assertThat(lines.get(2).get("error").asString()).contains("neither title nor text");
        assertThat(lines.get(3).get("error").asString()).contains("publishedAt");
        assertThat(lines.get(4).get("id").asString()).isEqualTo("c");
    }

    @Test
    void lineNamingAPropertyTwiceIsAnErrorNotItsLastValue() {
        List<JsonNode> lines = run(List.of(),
                "{\"id\":\"twice\",\"title\":\"China halts antimony exports\",\"title\":\"Weather report\"}", NOISE);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").asString()).isEqualTo("twice");
        assertThat(lines.get(0).get("error").asString()).contains("Duplicate").contains("title");
        assertThat(lines.get(1).get("id").asString()).isEqualTo("c");
    }

    @Test
    void missingPublishedAtIsTheExtractionTime() {
        JsonNode event = run(List.of(), "{\"id\":\"d\",\"title\":\"China halts antimony exports\"}").get(0);

        assertThat(event.get("publishedAt").asString()).isEqualTo("2026-01-15T10:00:00Z");
    }

    @Test
    void dedupeRunsTheServicesStoryStageAndMarksLaterReportsWithTheFirstLinesId() {
        List<JsonNode> lines = run(List.of("--dedupe"), LICENSING, NOISE, LICENSING_COPY, LICENSING);

        assertThat(lines).extracting(l -> l.get("status").asString())
                .containsExactly("PUBLISHED", "NOT_RELEVANT", "CORROBORATED", "DUPLICATE");
        assertThat(lines).extracting(l -> l.get("duplicateOf").isNull() ? null : l.get("duplicateOf").asString())
                .containsExactly(null, null, "a", "a");
        assertThat(lines.get(2).get("eventId").asString()).isEqualTo(lines.get(0).get("eventId").asString());
        assertThat(lines.get(2).get("corroborations").asInt()).isEqualTo(2);
    }

    @Test
    void unknownArgumentIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ExtractCommand(EXTRACTOR, Clock.fixed(NOW, ZoneOffset.UTC))
                .run(List.of("--fast"), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: extract");
    }

    @Test
    void aLineThatIsNotUtf8GivesAnErrorLineNamingItAndTheRestGoesOn() {
        byte[] latin1 = "{\"id\":\"e\",\"title\":\"Exportkontrollen f\u00fcr Gallium\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] noise = (NOISE + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[latin1.length + noise.length];
        System.arraycopy(latin1, 0, in, 0, latin1.length);
        System.arraycopy(noise, 0, in, latin1.length, noise.length);

        List<JsonNode> lines = run(List.of(), in);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("error").asString()).isEqualTo("line 1: not valid UTF-8 at byte 38 of the line; skipped");
        assertThat(lines.get(1).get("id").asString()).isEqualTo("c");
    }

    private static List<JsonNode> run(List<String> args, String... inputLines) {
        return run(args, (String.join("\n", inputLines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> run(List<String> args, byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ExtractCommand(EXTRACTOR, Clock.fixed(NOW, ZoneOffset.UTC))
                .run(args, new ByteArrayInputStream(in), out, new ByteArrayOutputStream());
        assertThat(code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
