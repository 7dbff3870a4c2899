package io.lodestone.ingest;

import io.lodestone.ingest.cli.OfflineCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsIngestApplication {

    public static void main(String[] args) {
        // "extract" runs the extractor alone, before and without Spring: no broker, no web server
        if (OfflineCommands.handles(args)) {
            System.exit(OfflineCommands.run(args));
        }
        SpringApplication.run(NewsIngestApplication.class, args);
    }
}
