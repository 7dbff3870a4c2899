package io.lodestone.service.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How health checks that reach the broker or the database are run ({@code lodestone.health.*}); see
 * {@link BackgroundHealthIndicator}.
 *
 * @param fresh      an answer younger than this is given again without checking
 * @param patience   how long the request that starts a check waits for its answer before it is given
 *                   the previous one; every other request is answered at once
 * @param staleAfter a check that has not answered for this long reports DOWN, whatever it said last
 */
@ConfigurationProperties("lodestone.health")
public record HealthProperties(
        @DefaultValue("1s") Duration fresh,
        @DefaultValue("500ms") Duration patience,
        @DefaultValue("30s") Duration staleAfter) {
}
