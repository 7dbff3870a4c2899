package io.lodestone.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.JsonLines;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.ItemOutcome;
import io.lodestone.ingest.publish.PublishFailedException;
import io.lodestone.ingest.publish.StoryStage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import extracts on several threads and hands items over without waiting, yet the story
 * stage must see them in line order, and a failure must name the first line not acknowledged.
 * The stage here acknowledges after a random delay, so acknowledgements arrive out of order.
 */
class BulkImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Executor LATER = CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS);

    /** A stage that records what it was given, in call order, and acknowledges later, in any order. */
    private static final class SlowStage implements StoryStage {

        final List<String> handedOver = Collections.synchronizedList(new ArrayList<>());
        private final String failing;

        SlowStage(String failing) {
            this.failing = failing;
        }

        @Override
        public ItemOutcome submit(StoryCandidate candidate) {
            throw new UnsupportedOperationException("bulk paths hand over asynchronously");
        }

        @Override
        public CompletableFuture<ItemOutcome> submitAsync(StoryCandidate candidate) {
            handedOver.add(candidate.itemId());
            Executor delay = CompletableFuture.delayedExecutor(ThreadLocalRandom.current().nextInt(5),
                    TimeUnit.MILLISECONDS, LATER);
            return CompletableFuture.supplyAsync(() -> {
                if (candidate.itemId().equals(failing)) {
                    throw new PublishFailedException("broker gone", null);
                }
                return new ItemOutcome(candidate.itemId(), ItemOutcome.Status.ACCEPTED, candidate.event(), null);
            }, delay);
        }
    }

    @Test
    void itemsExtractedOnManyThreadsReachTheStageInLineOrder() throws Exception {
        SlowStage stage = new SlowStage(null);
        List<String> lines = items(120);
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BulkImport.Result result = importing(stage, 4).run(reader(lines), new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(BulkImport.Result.COMPLETE);
        List<String> relevant = relevantIds(lines);
        assertThat(relevant).hasSizeGreaterThan(60);
        assertThat(stage.handedOver).containsExactlyElementsOf(relevant);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("imported 120 line(s): {ACCEPTED=" + relevant.size()
                + ", NOT_RELEVANT=" + (120 - relevant.size()) + "}, rejected 0");
    }

    @Test
    void aLineTheBrokerDidNotAcknowledgeStopsTheImportAndIsTheLineToResumeFrom() throws Exception {
        SlowStage stage = new SlowStage("item-31");
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BulkImport.Result result = importing(stage, 4).run(reader(items(120)),
                new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(BulkImport.Result.STOPPED);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("line 31: stopped, the broker did not acknowledge (broker gone); resume from this line")
                .contains("imported 30 line(s)");
    }

    @Test
    void unreadableLinesAreNamedAndTheRestGoesOn() throws Exception {
        SlowStage stage = new SlowStage(null);
        List<String> lines = new ArrayList<>(items(6));
        lines.add(2, "{\"id\": \"broken\", ");
        lines.add(4, "");
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BulkImport.Result result = importing(stage, 2).run(reader(lines), new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(BulkImport.Result.COMPLETE_WITH_REJECTED_LINES);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("line 3: not JSON").contains("rejected 1");
        assertThat(stage.handedOver).containsExactlyElementsOf(relevantIds(items(6)));
    }

    /**
     * A file is read as bytes, a line at a time: one byte that is not UTF-8, or one line longer
     * than any item could be, spoils its own line and nothing else (the whole import used to stop
     * at it with a stack trace, before line 1 was imported; a multi-gigabyte line was read whole).
     */
    @Test
    void aLineThatIsNotUtf8OrIsEnormousIsNamedAndTheRestIsImported() throws Exception {
        SlowStage stage = new SlowStage(null);
        List<String> good = items(6);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        input.write((good.get(0) + "\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = good.get(1).replace("China", "Ch\u00efna").getBytes(StandardCharsets.ISO_8859_1);
        input.write(latin1);
        input.write('\n');
        for (String line : good.subList(2, 4)) {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] enormous = new byte[JsonLines.MAX_LINE + 1_000];
        java.util.Arrays.fill(enormous, (byte) 'x');
        input.write(enormous);
        input.write('\n');
        for (String line : good.subList(4, 6)) {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BulkImport.Result result = importing(stage, 2).run(new ByteArrayInputStream(input.toByteArray()),
                new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(BulkImport.Result.COMPLETE_WITH_REJECTED_LINES);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("line 2: not valid UTF-8 at byte ")
                .contains("line 5: longer than " + JsonLines.MAX_LINE + " bytes (" + (JsonLines.MAX_LINE + 1_001)
                        + "); skipped unread")
                .contains("imported 7 line(s)")
                .contains("rejected 2");
        List<String> kept = new ArrayList<>(good);
        kept.remove(1);
        assertThat(stage.handedOver).containsExactlyElementsOf(relevantIds(kept));
    }

    private static BulkImport importing(StoryStage stage, int threads) {
        return new BulkImport(IngestPipeline.offline(new Extractor(), stage, Clock.systemUTC()), JSON, threads);
    }

    private static InputStream reader(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every third item is noise; the others are export controls on one of several metals. */
    private static List<String> items(int count) {
        String[] metals = {"gallium", "germanium", "antimony", "tungsten", "graphite"};
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String title = i % 3 == 0 ? "Village bakery wins regional bread prize number " + i
                    : "China restricts exports of " + metals[i % metals.length] + " in notice " + i;
            String text = i % 3 == 0 ? "The bakery's sourdough won the judges over at the county fair."
                    : "The commerce ministry said exporters of " + metals[i % metals.length]
                            + " must apply for licences from next month, citing national security.";
            lines.add(JSON.writeValueAsString(Map.of("id", "item-" + i, "title", title, "text", text,
                    "url", "https://bulk.example.org/" + i, "publishedAt", "2025-0" + (1 + i % 9) + "-10T08:00:00Z")));
        }
        return lines;
    }

    /** The ids of the lines the extractor keeps, in line order: what the stage must be handed. */
    private static List<String> relevantIds(List<String> lines) {
        Extractor extractor = new Extractor();
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            NewsItem item = new NewsItem(node.get("id").asString(), "import",
                    node.get("title").asString(), node.get("text").asString(), node.get("url").asString(),
                    Instant.parse(node.get("publishedAt").asString()), null);
            if (extractor.extract(item, Instant.now()).relevant()) {
                ids.add(item.id());
            }
        }
        return ids;
    }
}
