package io.lodestone.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsIngestApplication.class, args);
    }
}
