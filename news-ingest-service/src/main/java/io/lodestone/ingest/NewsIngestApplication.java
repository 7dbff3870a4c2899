package io.lodestone.ingest;

import io.lodestone.events.MeasuresInForce;
import io.lodestone.events.Topics;
import io.lodestone.ingest.backfill.BulkImport;
import io.lodestone.ingest.backfill.MeasuresReplay;
import io.lodestone.ingest.cli.OfflineCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsIngestApplication {

    public static void main(String[] args) throws IOException {
        // "extract" runs the extractor alone, before and without Spring: no broker, no web server
        if (OfflineCommands.handles(args)) {
            System.exit(OfflineCommands.run(args));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(importItems(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("seed")) {
            System.exit(seed(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(NewsIngestApplication.class, args);
    }

    /**
     * {@code seed [--spring.property=value ...]}: publishes the measures in force that
     * {@code supply.events.v1} does not hold yet, as a new deployment does at its first start, and
     * says how many; exit code 1 when the broker did not take them.
     */
    private static int seed(String[] args) {
        try (ConfigurableApplicationContext context = command().run(publisherOnly(args))) {
            MeasuresReplay.Result result = context.getBean(MeasuresReplay.class)
                    .replay(context.getBean(IngestProperties.class).measures().timeout());
            System.out.printf("measures in force (dataset %s): %d published, %d already on %s%n", MeasuresInForce.VERSION,
                    result.published(), result.alreadyOnTopic(), Topics.SUPPLY_EVENTS.name());
            return 0;
        } catch (Exception e) {
            System.err.println("seed: the measures in force were not published: " + e);
            return 1;
        }
    }

    /**
     * {@code import [file.jsonl] [--spring.property=value ...]}: the service without its web server
     * and without polling, publishing the file's items (or standard input's) through the pipeline.
     */
    static int importItems(String[] args) throws IOException {
        String file = args.length > 0 && !args[0].startsWith("--") ? args[0] : null;
        try (ConfigurableApplicationContext context = command()
                .run(publisherOnly(Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new)));
             InputStream lines = file == null ? System.in : Files.newInputStream(Path.of(file))) {
            return context.getBean(BulkImport.class).run(lines, System.out, file == null ? -1 : Files.size(Path.of(file)))
                    .exitCode();
        }
    }

    /**
     * The application context of a command: no web server, and built from the configuration classes
     * even where the JVM options ask for the context processed ahead of time
     * ({@code -Dspring.aot.enabled=true}, as the image and the local stack start the jar). That
     * context was processed for the service, with its web server, and cannot run without one.
     */
    private static SpringApplicationBuilder command() {
        System.setProperty("spring.aot.enabled", "false");
        return new SpringApplicationBuilder(NewsIngestApplication.class).web(WebApplicationType.NONE);
    }

    /**
     * The command's properties plus those that leave only the publisher running: no polling, no
     * measures replay, and none of the service's consumers (the story stage, the notice memory,
     * the source overrides). A command run beside a running service so joins none of its consumer
     * groups (no rebalance, no story store restored into the command) and takes no state folder:
     * what it publishes is placed in stories by the service. As command-line properties, they
     * outrank application.yml and the environment.
     */
    static String[] publisherOnly(String[] properties) {
        return Stream.concat(Arrays.stream(properties), Stream.of(
                        "--lodestone.ingest.poll=false", "--lodestone.ingest.measures.replay-at-start=false",
                        "--spring.cloud.stream.bindings.placeInStories-in-0.consumer.auto-startup=false",
                        "--spring.cloud.stream.bindings.rememberSeenNotices-in-0.consumer.auto-startup=false",
                        "--spring.cloud.stream.bindings.applySourceOverrides-in-0.consumer.auto-startup=false"))
                .toArray(String[]::new);
    }
}
