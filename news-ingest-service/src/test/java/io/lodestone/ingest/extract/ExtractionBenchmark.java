package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throughput of extraction on realistic 1–3 KB items, single-threaded: not a test, a harness to
 * run by hand (see the README). Items are built from the development set: each takes one item's
 * title and text and appends the text of other items, as a long article adds context, until it
 * reaches a length drawn between 1 and 3 KB. Three warm-up rounds, then five measured rounds;
 * prints items/s per round and the median, both per second of wall-clock time and per second of
 * this thread's CPU time (on a shared machine the second is the fairer figure). With {@code --jsonl FILE} it also writes the items as
 * the offline command's input, to time the command end to end.
 */
public final class ExtractionBenchmark {

    private static final int ITEMS = Integer.getInteger("items", 1_000);
    /* On a 2-core machine the rate jumps by half after about ten rounds, once the JIT has compiled the
     * scanners: warm up past that. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("warmups", 12);
    private static final int MEASURED_ROUNDS = Integer.getInteger("rounds", 7);

    public static void main(String[] args) throws IOException {
        List<NewsItem> items = items(ITEMS, new SplittableRandom(42));
        long bytes = items.stream().mapToLong(i -> (i.title() + i.text()).getBytes(StandardCharsets.UTF_8).length).sum();
        report(String.format(Locale.ROOT, "%d items, mean %.2f KB (UTF-8), %d cores, %s %s", items.size(),
                bytes / 1024.0 / items.size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version")));
        if (args.length == 2 && args[0].equals("--jsonl")) {
            writeJsonl(items, Path.of(args[1]));
        }

        Extractor extractor = new Extractor();
        Instant now = Instant.parse("2026-01-15T00:00:00Z");
        double[] rates = new double[MEASURED_ROUNDS];
        double[] cpuRates = new double[MEASURED_ROUNDS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int relevant = 0;
            for (NewsItem item : items) {
                relevant += extractor.extract(item, now).relevant() ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double rate = items.size() / seconds;
            double cpuRate = items.size() / cpuSeconds;
            boolean warmUp = round < WARM_UP_ROUNDS;
            if (!warmUp) {
                rates[round - WARM_UP_ROUNDS] = rate;
                cpuRates[round - WARM_UP_ROUNDS] = cpuRate;
            }
            report(String.format(Locale.ROOT, "%s round %d: %.0f items/s wall-clock, %.0f items per CPU-second (%d relevant)",
                    warmUp ? "warm-up" : "measured", round + 1, rate, cpuRate, relevant));
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        report(String.format(Locale.ROOT, "median %.0f items/s wall-clock, %.0f items per CPU-second",
                rates[MEASURED_ROUNDS / 2], cpuRates[MEASURED_ROUNDS / 2]));
    }

    static List<NewsItem> items(int count, SplittableRandom random) {
        List<DevSet.Labelled> base = new ArrayList<>(DevSet.load("tune"));
        base.addAll(DevSet.load("holdout"));
        List<NewsItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NewsItem lead = base.get(random.nextInt(base.size())).item();
            int target = 1024 + random.nextInt(2048);
            StringBuilder text = new StringBuilder(lead.text());
            while (text.toString().getBytes(StandardCharsets.UTF_8).length < target) {
                NewsItem other = base.get(random.nextInt(base.size())).item();
                text.append(other.text().matches(".*\\p{IsHan}.*") ? "" : "\n").append(other.text());
            }
            items.add(new NewsItem("bench-" + i, "bench", lead.title(), text.toString(), null, lead.publishedAt(), null));
        }
        return items;
    }

    private static void writeJsonl(List<NewsItem> items, Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = new ArrayList<>();
        for (NewsItem item : items) {
            ObjectNode line = json.createObjectNode();
            line.put("id", item.id());
            line.put("title", item.title());
            line.put("text", item.text());
            line.put("publishedAt", item.publishedAt().toString());
            lines.add(json.writeValueAsString(line));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        report("wrote " + file);
    }

    @SuppressWarnings("java:S106") // a command-line harness reports on stdout
    private static void report(String line) {
        System.out.println(line);
    }
}
