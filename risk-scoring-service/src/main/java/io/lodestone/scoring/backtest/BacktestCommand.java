package io.lodestone.scoring.backtest;

import io.lodestone.scoring.stream.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code backtest --from 2023-01-01 --to 2026-01-01 --step P1D [--svg plot.svg] [--plot Dy,Tb,Nd,Ga]
 * < events.jsonl > timeline.jsonl}: JSON lines out, one per element per step; a summary and any
 * problem on standard error; exit code 0, or 2 for bad arguments.
 */
public final class BacktestCommand {

    public static final String NAME = "backtest";
    private static final List<String> DEFAULT_PLOT = List.of("Dy", "Tb", "Nd", "Ga");

    private BacktestCommand() {
    }

    public static int run(String[] args) {
        PrintStream stdout = System.out;
        // Libraries that log to standard output must not corrupt the JSON lines.
        System.setOut(System.err);
        quietLogging();
        Map<String, String> options;
        Backtest.Window window;
        try {
            options = options(args);
            window = new Backtest.Window(instant(options, "--from"), instant(options, "--to"),
                    step(options.getOrDefault("--step", "P1D")));
        } catch (IllegalArgumentException e) {
            System.err.println("backtest: " + e.getMessage());
            System.err.println("usage: backtest --from 2023-01-01 --to 2026-01-01 [--step P1D] [--svg plot.svg]"
                    + " [--plot Dy,Tb,Nd,Ga] < events.jsonl > timeline.jsonl");
            return 2;
        }
        EventLines.Input input = EventLines.read(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<TimelineRow> plotted = new ArrayList<>();
        List<String> plot = options.containsKey("--plot")
                ? List.of(options.get("--plot").split(",")) : DEFAULT_PLOT;
        Backtest.Summary summary;
        try (Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8)) {
            summary = Backtest.standard().run(input, window, row -> {
                write(out, Json.MAPPER.writeValueAsString(row));
                if (plot.contains(row.element())) {
                    plotted.add(row);
                }
            });
            out.flush();
            if (options.containsKey("--svg")) {
                Files.writeString(Path.of(options.get("--svg")), TimelineSvg.render(plotted, plot), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.err.println("backtest: " + e.getMessage());
            return 1;
        }
        System.err.printf("backtest: %d events replayed, %d skipped (irrelevant or duplicate), %d dead-lettered, "
                + "%d changes published, %d rows written%n", summary.replayed(), summary.skipped(),
                summary.deadLettered(), summary.published(), summary.rows());
        return 0;
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'");
            }
            String value = args[++i];
            options.put(name, value);
        }
        return options;
    }

    /** A date ({@code 2025-04-04}, midnight UTC) or an instant ({@code 2025-04-04T12:00:00Z}). */
    static Instant instant(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not a date or an instant: " + value);
        }
    }

    /** An ISO-8601 duration ({@code PT6H}, {@code P1D}) or period of days or weeks ({@code P1W}). */
    static Duration step(String value) {
        try {
            return Duration.parse(value);
        } catch (RuntimeException notADuration) {
            try {
                Period period = Period.parse(value);
                if (period.getMonths() != 0 || period.getYears() != 0) {
                    throw new IllegalArgumentException("--step in months or years is not supported: " + value);
                }
                return Duration.ofDays(period.getDays());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--step is not an ISO-8601 duration: " + value);
            }
        }
    }

    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
