package io.lodestone.scoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("lodestone.scoring")
public record RiskScoringProperties(
        @DefaultValue("PT1H") @NotNull Duration decayInterval,
        @DefaultValue("2.0") @PositiveOrZero double publishStep,
        @DefaultValue(DEFAULT_SOURCE) @NotBlank String source,
        @DefaultValue("PT5S") @NotNull Duration forwardTimeout) {

    public static final String DEFAULT_SOURCE = "/lodestone/risk-scoring-service";
    public static final Duration DEFAULT_DECAY_INTERVAL = Duration.ofHours(1);
    public static final double DEFAULT_PUBLISH_STEP = 2.0;

    public RiskScoringProperties {
        if (decayInterval != null && (decayInterval.isNegative() || decayInterval.isZero())) {
            throw new IllegalArgumentException("lodestone.scoring.decay-interval must be positive, was " + decayInterval);
        }
    }
}
