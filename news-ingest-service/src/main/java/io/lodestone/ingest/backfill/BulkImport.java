package io.lodestone.ingest.backfill;

import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.ItemOutcome;
import io.lodestone.ingest.publish.PublishFailedException;
import io.lodestone.service.api.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports items from JSON lines (the push API's item shape, one per line) through the ingest
 * pipeline, in order. A line that cannot be read is reported with its number and skipped; the
 * rest goes on. A broker failure stops the import at that line, so it can be resumed from there.
 */
@Component
public class BulkImport {

    /** How an import ended; the process exit code of the {@code import} command. */
    public enum Result {
        /** Every line was read and went through the pipeline. */
        COMPLETE(0),
        /** The broker did not acknowledge; lines from the one reported on were not imported. */
        STOPPED(1),
        /** Some lines could not be read and were skipped; all others went through. */
        COMPLETE_WITH_REJECTED_LINES(2);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    static final String SOURCE = "import";
    private static final int PROGRESS_EVERY = 500;

    private final IngestPipeline pipeline;
    private final JsonMapper json;

    BulkImport(IngestPipeline pipeline, JsonMapper json) {
        this.pipeline = pipeline;
        this.json = json;
    }

    public Result run(BufferedReader lines, PrintStream report) throws IOException {
        Map<ItemOutcome.Status, Integer> counts = new EnumMap<>(ItemOutcome.Status.class);
        int lineNumber = 0;
        int rejected = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            NewsItem item;
            try {
                // no date stays no date: the story stage must not read an undated item as news of today
                item = ItemJson.read(json.readTree(line), "", SOURCE, Instant.now());
            } catch (JacksonException e) {
                rejected++;
                report.printf("line %d: not JSON: %s%n", lineNumber, e.getOriginalMessage());
                continue;
            } catch (InvalidRequestException e) {
                rejected++;
                report.printf("line %d: %s%n", lineNumber, e.fieldErrors());
                continue;
            }
            try {
                counts.merge(pipeline.process(item).status(), 1, Integer::sum);
            } catch (PublishFailedException e) {
                report.printf("line %d: stopped, the broker did not acknowledge (%s); resume from this line%n",
                        lineNumber, e.getMessage());
                summary(report, lineNumber - 1, counts, rejected);
                return Result.STOPPED;
            }
            if (lineNumber % PROGRESS_EVERY == 0) {
                report.printf("%d lines …%n", lineNumber);
            }
        }
        summary(report, lineNumber, counts, rejected);
        return rejected == 0 ? Result.COMPLETE : Result.COMPLETE_WITH_REJECTED_LINES;
    }

    private static void summary(PrintStream report, int lines, Map<ItemOutcome.Status, Integer> counts, int rejected) {
        report.printf("imported %d line(s): %s, rejected %d%n", lines, counts, rejected);
    }
}
