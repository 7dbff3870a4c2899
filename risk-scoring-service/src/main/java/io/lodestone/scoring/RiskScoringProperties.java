package io.lodestone.scoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the scoring service. The model's own constants are not here on purpose (see
 * {@code ModelParameters}): the live service and the backtest must score alike.
 *
 * @param decayInterval  how often every element is re-evaluated without news, so levels fall on their own
 * @param publishStep    smallest score move, in points, that is published when the level stays the same
 * @param source         the {@code ce_source} of what the service publishes
 * @param forwardTimeout how long a query waits for the instance that holds an element
 * @param deadLetterMaxBytes largest dead letter written (the failed record plus its error headers):
 *                       the stream producer's request limit and the dead-letter topic's record
 *                       limit, above the largest record the input topic takes
 */
@Validated
@ConfigurationProperties("lodestone.scoring")
public record RiskScoringProperties(
        @DefaultValue("PT1H") @NotNull Duration decayInterval,
        @DefaultValue("2.0") @PositiveOrZero double publishStep,
        @DefaultValue(DEFAULT_SOURCE) @NotBlank String source,
        @DefaultValue("PT5S") @NotNull Duration forwardTimeout,
        @DefaultValue("" + DEFAULT_DEAD_LETTER_MAX_BYTES) @Positive int deadLetterMaxBytes) {

    public static final String DEFAULT_SOURCE = "/lodestone/risk-scoring-service";
    public static final Duration DEFAULT_DECAY_INTERVAL = Duration.ofHours(1);
    public static final double DEFAULT_PUBLISH_STEP = 2.0;
    /** Twice the broker's default largest record (1 MiB). */
    public static final int DEFAULT_DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    public RiskScoringProperties {
        if (decayInterval != null && (decayInterval.isNegative() || decayInterval.isZero())) {
            throw new IllegalArgumentException("lodestone.scoring.decay-interval must be positive, was " + decayInterval);
        }
    }
}
