package io.lodestone.ingest.cli;

import io.lodestone.ingest.extract.Extractor;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The sub-commands the service jar runs without starting Spring, Kafka or a web server. Logging,
 * should anything log, goes to stderr at WARN so that stdout carries only the command's output.
 */
public final class OfflineCommands {

    static final String LOGGING_CONFIGURATION = "extract/cli-logback.xml";

    private OfflineCommands() {
    }

    /** Whether {@code args} name an offline command rather than the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("extract");
    }

    /** Runs the offline command {@code args} name, on the process's standard streams; returns the exit code. */
    public static int run(String[] args) {
        System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return new ExtractCommand(new Extractor(), Clock.systemUTC()).run(rest, System.in, System.out, System.err);
    }
}
