package io.lodestone.ingest.backfill;

import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.JsonLines;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.publish.IngestPipeline;
import io.lodestone.ingest.publish.ItemOutcome;
import io.lodestone.ingest.publish.ItemUnreadableException;
import io.lodestone.service.api.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports items from JSON lines (the push API's item shape, one per line) through the ingest
 * pipeline, at the broker's pace: items are extracted on every core, handed to the story stage in
 * line order without waiting for each acknowledgement (batched by an idempotent producer), and a
 * bounded number are in flight at a time. A line that cannot be read (not UTF-8, not JSON, not an
 * item, or longer than {@link JsonLines#MAX_LINE} bytes) is reported with its number and skipped;
 * the rest goes on. A broker failure stops the import: the report names the line to
 * resume from, the first line not acknowledged (every line before it is). Lines after it that were
 * already sent are recognised as the same items when the import is resumed, so nothing is
 * published twice. Progress (lines, items per second and, for a file, the time left) is reported
 * every few seconds, and a summary at the end.
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
    /** Items being extracted at once, per extraction thread. */
    private static final int EXTRACTING_PER_THREAD = 64;
    /** Items handed over and not yet acknowledged, at most. */
    private static final int IN_FLIGHT = 10_000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final IngestPipeline pipeline;
    private final JsonMapper json;
    private final int threads;

    @Autowired
    BulkImport(IngestPipeline pipeline, JsonMapper json) {
        this(pipeline, json, Runtime.getRuntime().availableProcessors());
    }

    BulkImport(IngestPipeline pipeline, JsonMapper json, int threads) {
        this.pipeline = pipeline;
        this.json = json;
        this.threads = Math.max(1, threads);
    }

    public Result run(InputStream lines, PrintStream report) throws IOException {
        return run(lines, report, -1);
    }

    /**
     * Imports every line.
     *
     * @param totalBytes the size of the input when known (a file), for the time left; else -1
     */
    public Result run(InputStream lines, PrintStream report, long totalBytes) throws IOException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService extractors = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "import-extract-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            return new Run(report, totalBytes, extractors).readAll(new JsonLines(lines));
        } finally {
            extractors.shutdownNow();
        }
    }

    /** A line being read and prepared on an extraction thread; then handed over, awaiting its acknowledgement. */
    private record Pending(int line, CompletableFuture<Parsed> parsed) {
    }

    /** What became of a line: an item made ready for the story stage, or why it could not be read. */
    private record Parsed(IngestPipeline.Prepared prepared, String rejection) {
    }

    private record Sent(int line, CompletableFuture<ItemOutcome> acknowledged) {
    }

    /** Thrown inside a run when the broker did not acknowledge a line: the import stops there. */
    private static final class Stopped extends Exception {

        private final int line;

        Stopped(int line, Throwable cause) {
            super(cause);
            this.line = line;
        }
    }

    private final class Run {

        private final PrintStream report;
        private final long totalBytes;
        private final ExecutorService extractors;
        private final Deque<Pending> extracting = new ArrayDeque<>();
        private final Deque<Sent> inFlight = new ArrayDeque<>();
        private final Map<ItemOutcome.Status, Integer> counts = new EnumMap<>(ItemOutcome.Status.class);
        private final long started = System.nanoTime();
        private long nextProgress = started + PROGRESS_EVERY.toNanos();
        private int lineNumber;
        private int rejected;
        private int items;
        private long bytesRead;

        Run(PrintStream report, long totalBytes, ExecutorService extractors) {
            this.report = report;
            this.totalBytes = totalBytes;
            this.extractors = extractors;
        }

        Result readAll(JsonLines lines) throws IOException {
            try {
                JsonLines.Line line;
                while ((line = lines.next()) != null) {
                    lineNumber = line.number();
                    bytesRead += line.bytes();
                    if (line.text() == null) {
                        // kept in line order with the others, so the report names rejections in order
                        items++;
                        extracting.add(new Pending(lineNumber, CompletableFuture.completedFuture(
                                new Parsed(null, line.problem()))));
                    } else if (!line.text().isBlank()) {
                        items++;
                        String text = line.text();
                        extracting.add(new Pending(lineNumber, CompletableFuture.supplyAsync(() -> parse(text), extractors)));
                    }
                    advance(false);
                    progress();
                }
                advance(true);
            } catch (Stopped stopped) {
                report.printf("line %d: stopped, the broker did not acknowledge (%s); resume from this line%n",
                        stopped.line, NestedExceptionUtils.getMostSpecificCause(stopped.getCause()).getMessage());
                summary(stopped.line - 1);
                return Result.STOPPED;
            }
            summary(lineNumber);
            return rejected == 0 ? Result.COMPLETE : Result.COMPLETE_WITH_REJECTED_LINES;
        }

        /** Reads and prepares a line (on an extraction thread); a line that cannot be read says why. */
        private Parsed parse(String line) {
            try {
                // no date stays no date: the story stage must not read an undated item as news of today
                NewsItem item = ItemJson.read(json.readTree(line), "", SOURCE, Instant.now());
                return new Parsed(pipeline.prepare(item), null);
            } catch (JacksonException e) {
                return new Parsed(null, "not JSON: " + e.getOriginalMessage());
            } catch (InvalidRequestException e) {
                return new Parsed(null, String.valueOf(e.fieldErrors()));
            } catch (ItemUnreadableException e) {
                return new Parsed(null, e.getMessage());
            } catch (RuntimeException e) {
                return new Parsed(null, "could not be extracted: " + e);
            }
        }

        /**
         * Hands extracted items over in line order, and takes acknowledgements in line order; waits
         * only when a bound is reached, or for everything at the end ({@code all}).
         */
        private void advance(boolean all) throws Stopped {
            while (!extracting.isEmpty() && (all || extracting.peek().parsed().isDone()
                    || extracting.size() >= threads * EXTRACTING_PER_THREAD)) {
                Pending next = extracting.poll();
                Parsed parsed = next.parsed().join();
                if (parsed.rejection() != null) {
                    rejected++;
                    items--;
                    report.printf("line %d: %s%n", next.line(), parsed.rejection());
                    continue;
                }
                inFlight.add(new Sent(next.line(), pipeline.handOver(parsed.prepared())));
                acknowledged(false);
            }
            acknowledged(all);
        }

        private void acknowledged(boolean all) throws Stopped {
            while (!inFlight.isEmpty() && (all || inFlight.peek().acknowledged().isDone() || inFlight.size() >= IN_FLIGHT)) {
                Sent next = inFlight.poll();
                try {
                    counts.merge(next.acknowledged().join().status(), 1, Integer::sum);
                } catch (CompletionException e) {
                    throw new Stopped(next.line(), e.getCause() == null ? e : e.getCause());
                }
            }
        }

        private void progress() {
            long now = System.nanoTime();
            if (now < nextProgress) {
                return;
            }
            nextProgress = now + PROGRESS_EVERY.toNanos();
            double seconds = (now - started) / 1e9;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d lines, %,.0f items/s",
                    lineNumber, items / seconds));
            if (totalBytes > 0 && bytesRead > 0) {
                double left = seconds * (totalBytes - bytesRead) / bytesRead;
                line.append(String.format(Locale.ROOT, ", %.0f%% read, about %s left",
                        100.0 * bytesRead / totalBytes, Duration.ofSeconds(Math.round(left)).toString().substring(2)
                                .toLowerCase(Locale.ROOT)));
            }
            report.println(line);
        }

        private void summary(int lines) {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            report.printf(Locale.ROOT, "imported %d line(s): %s, rejected %d, in %.1f s (%,.0f items/s)%n", lines,
                    counts, rejected, seconds, counts.values().stream().mapToInt(Integer::intValue).sum() / seconds);
        }
    }
}
