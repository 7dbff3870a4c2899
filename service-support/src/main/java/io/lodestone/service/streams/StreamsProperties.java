package io.lodestone.service.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Kafka Streams stage survives a failed stream thread ({@code lodestone.streams.*}).
 *
 * @param threadReplacements stream threads replaced within {@code replacementWindow} before the stage
 *                           is shut down and the service reports itself not live; 0 shuts it down
 *                           at the first failure
 * @param replacementWindow  how far back replacements count
 */
@ConfigurationProperties("lodestone.streams")
public record StreamsProperties(
        @DefaultValue("3") int threadReplacements,
        @DefaultValue("10m") Duration replacementWindow) {
}
