package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the local stack and reports what a user and an operator care about, next to what the
 * same broker does with Kafka's own perf tools in the same run. Not a test: it runs only with
 * {@code -Dbenchmark=true}; see local-stack/BENCHMARK.md.
 *
 * <ol>
 *   <li>End-to-end latency: for each element in turn, an export ban is pushed with publishedAt now;
 *       the time from the push API's answer to the signed webhook call naming that element (a
 *       subscription at {@code benchmark.latencyLevel}, ELEVATED), while
 *       other items are pushed at a sustained rate beside them ({@code benchmark.latencyLoad}, 50
 *       items/s: news of new supply, which moves scores down and so fires nothing itself).</li>
 *   <li>Sustained throughput: items pushed at a fixed rate; how fast each service gets through them
 *       (its consumer's records consumed, until every stage has consumed everything).</li>
 *   <li>Bulk import: a file of 2 KB items through the {@code import} command, and how long the
 *       services need to drain what it published.</li>
 *   <li>Resident memory of the broker and each service afterwards.</li>
 *   <li>Kafka's ProducerPerformance and ConsumerPerformance on a scratch topic of the same broker.</li>
 * </ol>
 */
class StackBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RATE = Integer.getInteger("benchmark.rate", 20);
    private static final int ITEMS = Integer.getInteger("benchmark.items", 600);
    private static final int PERF_RECORDS = Integer.getInteger("benchmark.perfRecords", 200_000);
    /** Items per second pushed beside the bans while latency is measured. */
    private static final int LATENCY_LOAD = Integer.getInteger("benchmark.latencyLoad", 50);
    private static final int IMPORT_ITEMS = Integer.getInteger("benchmark.importItems", 20_000);
    /**
     * The level the latency subscription fires at. One ban lifts most elements to ELEVATED but only
     * a few to HIGH, and an element gives a sample only when it fires: at HIGH a run had eight
     * samples, so its p99 was the largest of eight.
     */
    private static final String LATENCY_LEVEL = System.getProperty("benchmark.latencyLevel", "ELEVATED");
    private static final String LATENCY_SAMPLES = "end-to-end samples (elements that reached " + LATENCY_LEVEL + ")";

    @Test
    void benchmarkTheStack() throws Exception {
        assumeTrue(Boolean.getBoolean("benchmark"), "run with -Dbenchmark=true");
        Map<String, String> report = new LinkedHashMap<>();
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version"));
        report.put("load average (1 min) at the start", loadAverage());
        // -Dbenchmark.javaOptions="..." compares other JVM options with the defaults (ops/jvm/services.options).
        Map<String, String> env = System.getProperty("benchmark.javaOptions") == null ? Map.of()
                : Map.of("LODESTONE_JAVA_OPTIONS", System.getProperty("benchmark.javaOptions"));
        try (RecordingHttpServer receiver = RecordingHttpServer.start();
             StackFixture stack = StackFixture.start(env)) {
            startUp(stack, report);
            restartEachAlone(stack, report);
            endToEndLatency(stack, receiver, report);
            sustainedThroughput(stack, report);
            bulkImport(stack, report);
            for (ChildProcess process : stack.stack.processes()) {
                report.put("resident memory after the benchmark, " + process.name(), process.residentKib() / 1024 + " MiB"
                        + heap(process));
            }
            kafkaPerfTools(stack.settings, report);
        }
        report.put("load average (1 min) at the end", loadAverage());
        StringBuilder table = new StringBuilder("| measure | value |\n|---|---|\n");
        report.forEach((measure, value) -> table.append("| ").append(measure).append(" | ").append(value).append(" |\n"));
        Path out = Path.of("target", "stack-benchmark.md");
        Files.writeString(out, table.toString());
        System.err.println(table);
        assertThat(report.get(LATENCY_SAMPLES)).doesNotStartWith("0 ");
    }

    /**
     * How fast the stack and each service started: from the process's start to its readiness
     * probe's first 200, Spring's own account from the service's log, and the CPU time the
     * service used until then (on a shared machine the wall time says as much about the
     * neighbours; the CPU time does not).
     */
    private static void startUp(StackFixture stack, Map<String, String> report) throws IOException {
        report.put("JVM options of the services", String.join(" ", stack.settings.javaOptions())
                + (stack.settings.classDataSharing() ? ", with a class-data archive" : ", no class-data archive"));
        report.put("stack ready (broker, database, mail catcher, three services)",
                stack.stack.readyIn().map(ready -> String.format("%.1f s", ready.toMillis() / 1000.0)).orElse("?"));
        for (ChildProcess process : stack.stack.processes()) {
            String cpu = process.cpuTime().map(used -> String.format("%.1f s", used.toMillis() / 1000.0)).orElse("?");
            String ready = process.readyAfter().map(after -> String.format("%.1f s", after.toMillis() / 1000.0)).orElse("?");
            Matcher spring = SPRING_STARTED.matcher(Files.readString(process.log()));
            report.put("start-up, " + process.name(), "ready " + ready + " after process start"
                    + (spring.find() ? "; Spring: started in " + spring.group(1) + " s, process running for " + spring.group(2) + " s" : "")
                    + "; CPU used by then " + cpu);
        }
    }

    /**
     * Each service restarted on its own while the rest of the stack runs, as a crashed or
     * redeployed replica comes back: from its process start to ready, with the machine's cores not
     * shared with the other services' start-ups.
     */
    private static void restartEachAlone(StackFixture stack, Map<String, String> report) throws IOException {
        for (String service : List.of("news-ingest-service", "risk-scoring-service", "alert-service")) {
            stack.stack.restartService(service);
            ChildProcess restarted = stack.stack.processes().stream().filter(p -> p.name().equals(service))
                    .reduce((first, later) -> later).orElseThrow();
            report.put("restart alone, " + service, "ready " + restarted.readyAfter()
                    .map(after -> String.format("%.1f s", after.toMillis() / 1000.0)).orElse("?") + " after process start; CPU "
                    + restarted.cpuTime().map(used -> String.format("%.1f s", used.toMillis() / 1000.0)).orElse("?"));
        }
    }

    private static final Pattern SPRING_STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void endToEndLatency(StackFixture stack, RecordingHttpServer receiver, Map<String, String> report)
            throws InterruptedException {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("benchmark-secret-key-0123456789ab".getBytes());
        List<String> symbols = Elements.all().stream().map(Element::symbol).toList();
        assertThat(stack.post(stack.settings.alertPort(), "/api/v1/subscriptions", JSON.writeValueAsString(Map.of(
                "name", "benchmark", "elements", symbols, "trigger", Map.of("minLevel", LATENCY_LEVEL),
                "channels", Map.of("webhook", Map.of("url", receiver.uri("/hook").toString(), "secret", secret)),
                "groupWait", "PT0S"))).statusCode()).isEqualTo(201);
        List<Long> latencies = new ArrayList<>();
        // the load names one element, whose own latency is then not measured: its easing news must not
        // keep the measured elements below the level
        Element loadElement = Elements.all().get(Elements.all().size() - 1);
        BackgroundLoad load = new BackgroundLoad(stack, LATENCY_LOAD, loadElement);
        for (Element element : Elements.all().subList(0, Elements.all().size() - 1)) {
            int before = receiver.requests().size();
            // Each item tells a different story in different words, or deduplication would rightly
            // fold them into one event with many corroborations.
            Instant accepted = push(stack, element.symbol() + "-ban-" + Instant.now().toEpochMilli(),
                    "China bans exports of " + element.name() + " to the United States",
                    "The commerce ministry banned exports of " + element.name() + " and its compounds to the United States "
                            + "with immediate effect. " + filler(new Random(element.symbol().hashCode()), 40));
            Instant deadline = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(deadline)) {
                RecordedRequest hit = receiver.requests().stream().skip(before)
                        .filter(r -> r.bodyAsString().contains("\"" + element.symbol() + "\"")).findFirst().orElse(null);
                if (hit != null) {
                    latencies.add(Duration.between(accepted, hit.receivedAt()).toMillis());
                    break;
                }
                sleep(20);
            }
        }
        double loadRate = load.stop();
        String inPushOrder = latencies.toString();
        int samples = latencies.size();
        // the first alert after the stack starts also pays for what each service does once (its
        // first delivery, connection and signature): reported on its own, not in the percentiles
        // of the sustained rate
        String first = latencies.isEmpty() ? "none" : latencies.remove(0) + " ms";
        Collections.sort(latencies);
        report.put(LATENCY_SAMPLES, samples + " of " + (Elements.all().size() - 1));
        report.put("end-to-end latency of the first of them (not in the percentiles)", first);
        report.put("items pushed beside the bans meanwhile", String.format("%.1f items/s (%d accepted, all on %s)", loadRate,
                load.accepted(), loadElement.name()));
        report.put("end-to-end latency p50", percentile(latencies, 50) + " ms");
        report.put("end-to-end latency p95", percentile(latencies, 95) + " ms");
        report.put("end-to-end latency p99", percentile(latencies, 99) + " ms");
        report.put("end-to-end latency, the three largest", latencies.subList(Math.max(0, latencies.size() - 3),
                latencies.size()) + " ms");
        report.put("end-to-end latency, every sample in push order", inPushOrder + " ms");
    }

    /**
     * Distinct items pushed at a fixed rate on a thread of their own until stopped: news of new
     * supply of one element, which every service processes (extraction, a story, a score change,
     * an evaluation) but which lowers that element's score, so it fires no alert of its own.
     */
    private static final class BackgroundLoad {

        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        private final Instant start = Instant.now();

        BackgroundLoad(StackFixture stack, int rate, Element element) {
            ExecutorService senders = Executors.newFixedThreadPool(4);
            thread = new Thread(() -> {
                Random random = new Random(7);
                for (int i = 0; running.get() && rate > 0; i++) {
                    sleep(Math.max(0, start.toEpochMilli() + i * 1000L / rate - System.currentTimeMillis()));
                    String title = "Miner " + (1000 + random.nextInt(9000)) + " opens a new " + element.name()
                            + " plant in region " + random.nextInt(500);
                    String text = title + ", adding supply outside China. " + filler(random, 40);
                    String id = "load-" + i;
                    senders.submit(() -> {
                        push(stack, id, title, text);
                        accepted.incrementAndGet();
                    });
                }
                senders.shutdown();
            }, "benchmark-load");
            thread.setDaemon(true);
            thread.start();
        }

        /** Stops pushing; the rate the push API accepted meanwhile. */
        double stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
            return accepted.get() / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }

        int accepted() {
            return accepted.get();
        }
    }

    private static void sustainedThroughput(StackFixture stack, Map<String, String> report) throws Exception {
        Random random = new Random(42);
        List<Element> elements = Elements.all();
        String[] verbs = {"halts output at", "expands", "imposes quotas on", "opens a new plant for", "cuts exports of"};
        Map<String, Double> consumedBefore = consumed(stack.scrape());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<Long>> sends = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < ITEMS; i++) {
            long due = start.toEpochMilli() + i * 1000L / RATE;
            sleep(Math.max(0, due - System.currentTimeMillis()));
            Element element = elements.get(random.nextInt(elements.size()));
            String id = "bench-" + i;
            String title = "Producer " + (1000 + random.nextInt(9000)) + " " + verbs[random.nextInt(verbs.length)] + " "
                    + element.name() + " in region " + random.nextInt(500);
            String text = title + ". " + filler(random, 40);
            sends.add(senders.submit(() -> {
                Instant t0 = Instant.now();
                push(stack, id, title, text);
                return Duration.between(t0, Instant.now()).toMillis();
            }));
        }
        List<Long> pushLatencies = new ArrayList<>();
        for (Future<Long> send : sends) {
            pushLatencies.add(send.get());
        }
        double sendSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        Collections.sort(pushLatencies);
        report.put("push API, items offered", ITEMS + " at " + RATE + "/s");
        report.put("push API, accepted rate", String.format("%.1f items/s", ITEMS / sendSeconds));
        report.put("push API latency p50 / p99", percentile(pushLatencies, 50) + " / " + percentile(pushLatencies, 99) + " ms");
        try (Backlog backlog = new Backlog(stack.settings.kafkaBootstrap())) {
            if (backlog.awaitDrained(Duration.ofSeconds(120)).isEmpty()) {
                report.put("sustained throughput, not drained within 120 s", backlog.left());
            }
        }
        double drainSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Map<String, Double> consumedAfter = consumed(stack.scrape());
        consumedAfter.forEach((application, total) -> report.put("records consumed/s, " + application,
                String.format("%.1f (%d records in %.1f s, until every stage drained)",
                        (total - consumedBefore.getOrDefault(application, 0.0)) / drainSeconds,
                        Math.round(total - consumedBefore.getOrDefault(application, 0.0)), drainSeconds)));
    }

    private static void bulkImport(StackFixture stack, Map<String, String> report) throws Exception {
        Random random = new Random(7);
        List<Element> elements = Elements.all();
        String[] events = {"bans exports of", "halts output of", "cuts the mining quota for", "opens a refinery for",
            "raises the price of", "suspends licences for"};
        Path file = Files.createTempFile("import-benchmark", ".jsonl");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(300));
        long bytes = 0;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < IMPORT_ITEMS; i++) {
                Element element = elements.get(random.nextInt(elements.size()));
                String title = "Producer " + (1000 + random.nextInt(9000)) + " " + events[random.nextInt(events.length)]
                        + " " + element.name() + " in region " + random.nextInt(5000);
                String line = JSON.writeValueAsString(Map.of("id", "import-" + i, "title", title,
                        "text", title + ". " + filler(random, 280), "url", "https://import.example/" + i,
                        "publishedAt", base.plusSeconds(i * 1300L).toString()));
                out.write(line);
                out.write('\n');
                bytes += line.length() + 1;
            }
        }
        Map<String, Double> consumedBefore = consumed(stack.scrape());
        Instant start = Instant.now();
        ProcessBuilder command = new ProcessBuilder(ChildProcess.java(), "-jar",
                stack.settings.jar("news-ingest-service").toString(), "import", file.toString())
                .redirectErrorStream(true).redirectOutput(stack.settings.dataDir().resolve("logs/import.log").toFile());
        command.environment().putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.settings.kafkaBootstrap(),
                "LODESTONE_API_TOKEN", StackFixture.TOKEN,
                "INGEST_STATE_DIR", stack.settings.dataDir().resolve("import-state").toString()));
        Process importing = command.start();
        assertThat(importing.waitFor(600, TimeUnit.SECONDS)).as("import finished").isTrue();
        double importSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        String log = Files.readString(stack.settings.dataDir().resolve("logs/import.log"));
        Matcher summary = Pattern.compile("imported \\d+ line\\(s\\): [^\\n]*").matcher(log);
        report.put("bulk import, items", String.format("%,d items of %.1f KB on average", IMPORT_ITEMS,
                bytes / 1024.0 / IMPORT_ITEMS));
        report.put("bulk import, command wall time (JVM start included)", String.format("%.1f s = %.0f items/s",
                importSeconds, IMPORT_ITEMS / importSeconds));
        report.put("bulk import, its summary", summary.find() ? summary.group() : "exit " + importing.exitValue());
        try (Backlog backlog = new Backlog(stack.settings.kafkaBootstrap())) {
            report.put("bulk import, every stage drained (story stage, scoring, alerts) after the import ended",
                    backlog.awaitDrained(Duration.ofSeconds(300))
                            .map(drained -> String.format("%.1f s", drained.toMillis() / 1000.0))
                            .orElse("not within 300 s; left: " + backlog.left()));
        }
        Map<String, Double> consumedAfter = consumed(stack.scrape());
        consumedAfter.forEach((application, total) -> report.put("bulk import, records consumed, " + application,
                String.valueOf(Math.round(total - consumedBefore.getOrDefault(application, 0.0)))));
    }

    private static void kafkaPerfTools(StackSettings settings, Map<String, String> report) throws Exception {
        String classpath = settings.libDir().resolve("*").toString();
        String producer = run(List.of(ChildProcess.java(), "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "benchmark.raw", "--num-records", String.valueOf(PERF_RECORDS), "--record-size", "1024",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + settings.kafkaBootstrap(), "acks=all",
                "linger.ms=5"));
        Matcher produced = Pattern.compile("([0-9.]+) records/sec").matcher(producer);
        report.put("Kafka ProducerPerformance (1 KB, acks=all)", produced.find() ? produced.group(1) + " records/s" : producer);
        String consumer = run(List.of(ChildProcess.java(), "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", settings.kafkaBootstrap(), "--topic", "benchmark.raw",
                "--messages", String.valueOf(PERF_RECORDS)));
        String[] lines = consumer.strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",\\s*");
        report.put("Kafka ConsumerPerformance", fields.length > 5 ? fields[5].strip() + " records/s" : consumer);
    }

    private static final String[] WORDS = ("harbour ledger quarterly smelter copper freight river tender audit "
            + "province refinery cargo contract bond rail port inventory warehouse tariff shipment ministry plant "
            + "capacity output workforce energy furnace kiln grid storage vessel customs licence invoice buyer seller "
            + "market index forecast margin demand budget yield").split(" ");

    private static final String[] SYLLABLES = "ka lo mi ren tas vol pur dex sin gor ba hel qui zan mor tep lur vin osk ral"
            .split(" ");

    /**
     * Random words, so generated items do not read as the same story: every third word is a made-up
     * name from about 8,000, the others plain business words. With only common words, the story
     * stage would rightly link items of one element and type within a week as one story.
     */
    private static String filler(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i % 3 == 0) {
                for (int s = 0; s < 3; s++) {
                    text.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
            } else {
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append(i % 9 == 8 ? ". " : " ");
        }
        return text.toString().strip();
    }

    private static Instant push(StackFixture stack, String id, String title, String text) {
        String body = JSON.writeValueAsString(Map.of("id", id, "title", title, "text", text,
                "url", "https://bench.example/" + id, "publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        int status = stack.post(stack.settings.ingestPort(), "/api/v1/items", body).statusCode();
        assertThat(status).isEqualTo(200);
        return Instant.now();
    }

    private static Map<String, Double> consumed(String scrape) {
        // Records consumed from the services' own input topics (not changelogs or repartitions).
        Map<String, Double> totals = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{([^}]*)\\} ([0-9.eE+]+)")
                .matcher(scrape);
        while (matcher.find()) {
            String tags = matcher.group(1);
            Matcher app = Pattern.compile("application=\"([^\"]+)\"").matcher(tags);
            if (app.find() && (tags.contains("topic=\"supply.events.v1\"") || tags.contains("topic=\"element.risk.v1\""))) {
                totals.merge(app.group(1), Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return totals;
    }

    /**
     * A heap space in {@code jcmd GC.heap_info}: each of Serial's two generations ("total 9792K,
     * used 3450K"), or G1's one heap ("total reserved 262144K, committed 110592K, used 63455K").
     */
    private static final Pattern HEAP_SPACE = Pattern.compile("total (?:reserved \\d+K, committed )?(\\d+)K, used (\\d+)K");

    /** The JVM's heap, committed and used (dead objects included), as {@code jcmd GC.heap_info} reports it. */
    private static String heap(ChildProcess process) throws IOException, InterruptedException {
        Path jcmd = Path.of(ChildProcess.java()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "";
        }
        Matcher space = HEAP_SPACE.matcher(run(List.of(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info")));
        long committed = 0;
        long used = 0;
        while (space.find()) {
            committed += Long.parseLong(space.group(1));
            used += Long.parseLong(space.group(2));
        }
        return committed == 0 ? "" : String.format(" (heap committed %d MiB, of it in use %d MiB)", committed / 1024, used / 1024);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(300, TimeUnit.SECONDS);
        return output;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
