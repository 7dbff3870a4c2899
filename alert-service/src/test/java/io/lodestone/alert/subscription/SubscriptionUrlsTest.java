package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.notify.UrlGuard;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.egress.HttpUrls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A subscription's URLs are bounded: every risk change reads every subscription that watches its
 * element, so seventy subscriptions with a 4 MB webhook URL each had run the service out of heap on
 * every change, and the change was retried forever.
 */
class SubscriptionUrlsTest {

    private static final AlertProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("lodestone.alert", AlertProperties.class);
    private static final String SECRET = SecretsTest.SECRET;
    private final SubscriptionValidator validator = new SubscriptionValidator(PROPERTIES, new UrlGuard(PROPERTIES),
            java.time.Clock.systemUTC(), null);

    @Test
    void webhookAndSlackUrlsLongerThanTheBoundAreRefusedNamingTheField() {
        String huge = "https://hooks.example.com/" + "a".repeat(4_000_000);

        assertThatThrownBy(() -> validator.validate(subscription(new Channels(null, new SlackChannel(huge),
                new WebhookChannel(huge, SECRET, null, null))), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("channels.slack.webhookUrl", "channels.webhook.url")
                        .allSatisfy((field, message) -> assertThat(message)
                                .isEqualTo("must be at most 2048 characters, was " + huge.length())));
    }

    @Test
    void aUrlAtTheBoundIsTaken() {
        String url = "https://hooks.example.com/" + "a".repeat(HttpUrls.MAX_LENGTH - "https://hooks.example.com/".length());

        SubscriptionSpec spec = validator.validate(subscription(new Channels(null, null,
                new WebhookChannel(url, SECRET, null, null))), null);

        assertThat(spec.channels().webhook().url()).hasSize(HttpUrls.MAX_LENGTH);
    }

    private static SubscriptionRequest subscription(Channels channels) {
        return new SubscriptionRequest("Dysprosium buyers", List.of("Dy"), null, new Trigger(RiskLevel.HIGH, null, null),
                channels, null, null, null, null);
    }
}
