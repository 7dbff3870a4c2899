package io.lodestone.ingest.extract;

import io.lodestone.ingest.dedupe.StoryCandidate;
import io.lodestone.ingest.item.NewsItem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What an item-long hostile text costs on the item path (extraction, then the story candidate's
 * terms and figures), against ordinary items: not a test, a harness to run by hand (see the
 * README). For each shape of {@link HostileTextTest}, the median CPU time of five readings after
 * two warm-up ones, per item and per KB; and the same per KB for ordinary 1–3 KB items
 * ({@link ExtractionBenchmark}'s). A shape far above the ordinary cost per
 * KB is work that grows faster than the text, which a client could push on purpose.
 */
public final class HostileTextBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");

    public static void main(String[] args) {
        Extractor extractor = new Extractor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<NewsItem> ordinary = ExtractionBenchmark.items(300, new SplittableRandom(42));
        double ordinaryKb = ordinary.stream().mapToLong(HostileTextBenchmark::bytes).sum() / 1024.0;
        double ordinaryMs = median(5, () -> ordinary.forEach(item -> read(extractor, item)), threads, 2);
        System.out.printf(Locale.ROOT, "%-40s %9s %9s%n", "shape", "ms/item", "ms/KB");
        System.out.printf(Locale.ROOT, "%-40s %9.2f %9.3f%n", "ordinary items (1-3 KB)", ordinaryMs / ordinary.size(),
                ordinaryMs / ordinaryKb);
        HostileTextTest.texts().map(Arguments::get).forEach(shape -> {
            NewsItem item = HostileTextTest.item("Rare earth news",
                    HostileTextTest.itemLong((String) shape[1], (String) shape[2], (String) shape[3]));
            double ms = median(5, () -> read(extractor, item), threads, 2);
            System.out.printf(Locale.ROOT, "%-40s %9.2f %9.3f%n", shape[0], ms, ms / (bytes(item) / 1024.0));
        });
    }

    private static void read(Extractor extractor, NewsItem item) {
        StoryCandidate.of(item, extractor.extract(item, NOW).event());
    }

    private static long bytes(NewsItem item) {
        return (item.title() + item.text()).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Median CPU milliseconds of this thread over {@code rounds} runs, after {@code warmUp} unmeasured ones. */
    private static double median(int rounds, Runnable work, ThreadMXBean threads, int warmUp) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }
}
