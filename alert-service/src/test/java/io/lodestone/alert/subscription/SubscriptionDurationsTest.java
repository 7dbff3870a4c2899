package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.UrlGuard;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.api.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A subscription's durations stay within bounds (group wait up to a day, repeat from a minute to
 * ninety days), so no request can make the sweeps' time arithmetic overflow.
 */
class SubscriptionDurationsTest {

    private static final AlertProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("lodestone.alert", AlertProperties.class);
    private final SubscriptionValidator validator = new SubscriptionValidator(PROPERTIES, new UrlGuard(PROPERTIES), java.time.Clock.systemUTC(), null);

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "repeatInterval, PT10000000000000H",
            "repeatInterval, P91D",
            "repeatInterval, PT59S",
            "repeatInterval, PT0S",
            "repeatInterval, -PT1H",
            "groupWait, PT24H0.001S",
            "groupWait, P365D",
            "groupWait, -PT1S"})
    void durationOutsideItsBoundsIsRefusedNamingTheField(String field, Duration value) {
        SubscriptionRequest request = "groupWait".equals(field) ? watchingDysprosium(value, null)
                : watchingDysprosium(null, value);

        assertThatThrownBy(() -> validator.validate(request, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(field)
                        .hasEntrySatisfying(field, message -> assertThat(message).startsWith("must be between")));
    }

    @ParameterizedTest(name = "groupWait={0}, repeatInterval={1} is accepted")
    @CsvSource({"PT0S, PT1M", "P1D, P90D", "PT30S, P7D"})
    void durationsAtTheBoundsAreAccepted(Duration groupWait, Duration repeatInterval) {
        SubscriptionSpec spec = validator.validate(watchingDysprosium(groupWait, repeatInterval), null);

        assertThat(spec.groupWait()).isEqualTo(groupWait);
        assertThat(spec.repeatInterval()).isEqualTo(repeatInterval);
    }

    private static SubscriptionRequest watchingDysprosium(Duration groupWait, Duration repeatInterval) {
        return new SubscriptionRequest("Dysprosium buyers", List.of("Dy"), null, new Trigger(RiskLevel.HIGH, null, null),
                new Channels(new EmailChannel(List.of("buyer@example.com")), null, null), groupWait, repeatInterval,
                null, null);
    }
}
