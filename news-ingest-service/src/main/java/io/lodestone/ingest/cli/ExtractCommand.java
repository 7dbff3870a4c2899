package io.lodestone.ingest.cli;

import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.JsonLines;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.InMemoryStoryStage;
import io.lodestone.ingest.publish.ItemOutcome;
import io.lodestone.ingest.publish.ItemUnreadableException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code extract [--dedupe]}: one JSON item a line in, one JSON event a line out, in the same
 * order, UTF-8 both ways. Input fields: {@code id}, {@code title}, {@code text}, and optionally
 * {@code url}, {@code publishedAt} (RFC 3339), {@code language}, {@code source}. Output: the
 * {@code SupplyEventDetected} fields plus {@code id} and {@code relevant}. Items run through the
 * service's own {@link IngestPipeline}: extraction alone ({@code dryRun}), or with
 * {@code --dedupe} the whole pipeline with the story stage in memory, so that the lines with
 * {@code status} PUBLISHED or CORROBORATED are exactly the events the service would publish for
 * the same items in the same order; those lines also carry {@code duplicateOf}, the id of the
 * earlier line whose story this is (null when new) and {@code status}.
 * <p>
 * Rules: an item without {@code publishedAt} is dated at its extraction time ({@code detectedAt},
 * the same for the whole run), and its years are not read as recollections. A line that is not a
 * JSON object (or not UTF-8, or longer than {@link JsonLines#MAX_LINE} bytes), lacks both title and
 * text, or has an unreadable date gives
 * {@code {"id": ..., "error": "..."}} (the id read from the start of a broken line when it can be,
 * else null) and the run goes on. For a later report of a story, {@code eventId} and
 * {@code corroborations} are those of its story, as the service publishes them. Items come from
 * source {@value #SOURCE} unless a line names its own. Stories use the service's default window,
 * {@link #DEDUPE_WINDOW}; items that are not relevant are not placed in stories, as in the service.
 */
public final class ExtractCommand {

    static final String SOURCE = "import";
    static final Duration DEDUPE_WINDOW = Duration.ofDays(7);

    /** The id of a line that is not valid JSON, when it can still be read. */
    private static final Pattern ID_IN_BROKEN_LINE = Pattern.compile("^\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private final Extractor extractor;
    private final Clock clock;
    /** Refuses a line that names a property twice, as the service's mapper (and so {@code import}) does. */
    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    public ExtractCommand(Extractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    /** Runs the command; returns the process exit code (0, or 2 for bad arguments). */
    public int run(List<String> args, InputStream in, OutputStream out, OutputStream err) {
        boolean dedupe = false;
        for (String arg : args) {
            if (arg.equals("--dedupe")) {
                dedupe = true;
            } else {
                write(err, "usage: extract [--dedupe] < items.jsonl > events.jsonl\nunknown argument: " + arg + "\n");
                return 2;
            }
        }
        Instant detectedAt = clock.instant();
        IngestPipeline pipeline = IngestPipeline.offline(extractor, new InMemoryStoryStage(
                LinkRules.standard(DEDUPE_WINDOW, LinkRules.DEFAULT_MAX_STORIES), event -> { }),
                Clock.fixed(detectedAt, java.time.ZoneOffset.UTC));
        try (JsonLines lines = new JsonLines(in);
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            JsonLines.Line line;
            while ((line = lines.next()) != null) {
                if (line.text() != null && line.text().isBlank()) {
                    continue;
                }
                ObjectNode result = line.text() == null ? error(null, "line " + line.number() + ": " + line.problem())
                        : process(line.text(), pipeline, dedupe);
                writer.write(json.writeValueAsString(result));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private ObjectNode process(String line, IngestPipeline pipeline, boolean dedupe) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            Matcher salvaged = ID_IN_BROKEN_LINE.matcher(line);
            return error(salvaged.find() ? salvaged.group(1) : null, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(null, "not a JSON object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asString() : null;
        try {
            NewsItem item = item(node, id);
            ItemOutcome outcome = dedupe ? pipeline.process(item) : pipeline.dryRun(item);
            ObjectNode result = json.createObjectNode();
            result.put("id", id);
            result.setAll((ObjectNode) json.valueToTree(outcome.event()));
            result.put("relevant", outcome.status() != ItemOutcome.Status.NOT_RELEVANT);
            if (dedupe) {
                result.put("duplicateOf", outcome.duplicateOf());
                result.put("status", outcome.status().name());
            }
            return result;
        } catch (IllegalArgumentException | ItemUnreadableException e) {
            return error(id, e.getMessage());
        }
    }

    private static NewsItem item(JsonNode node, String id) {
        String title = text(node, "title");
        String text = text(node, "text");
        if ((title == null || title.isBlank()) && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("item has neither title nor text");
        }
        Instant publishedAt = null;
        String published = text(node, "publishedAt");
        if (published != null) {
            try {
                publishedAt = Instant.parse(published);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("publishedAt is not an RFC 3339 time: " + published);
            }
        }
        String source = text(node, "source");
        return new NewsItem(id, source == null ? SOURCE : source, title, text, text(node, "url"), publishedAt,
                text(node, "language"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asString();
    }

    private ObjectNode error(String id, String message) {
        ObjectNode result = json.createObjectNode();
        result.put("id", id);
        result.put("error", message);
        return result;
    }

    private static void write(OutputStream err, String message) {
        try {
            err.write(message.getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
