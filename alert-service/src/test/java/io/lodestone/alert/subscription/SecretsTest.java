package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.RiskLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstuvwx";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void masksSlackUrlsAndSigningSecrets() {
        assertThat(Secrets.maskUrl(SLACK)).isEqualTo("https://hooks.slack.com/…uvwx");
        assertThat(Secrets.maskUrl("http://127.0.0.1:8080/h")).isEqualTo("http://127.0.0.1:8080/…");
        assertThat(Secrets.maskSecret(SECRET)).isEqualTo("whsec_…");
    }

    @Test
    void subscriptionsNeverPrintTheirSecrets() {
        SubscriptionSpec spec = new SubscriptionSpec("buyers", List.of("Dy"), List.of(),
                new Trigger(RiskLevel.HIGH, null, null),
                new Channels(new EmailChannel(List.of("a@example.com")), new SlackChannel(SLACK),
                        new WebhookChannel("https://erp.example.com/hook?token=abc123", SECRET)),
                Duration.ofSeconds(30), Duration.ofDays(7), true, null);

        assertThat(spec.toString()).doesNotContain("abcdefghijklmnop", "MfKQ9r8G", "abc123");
    }

    @Test
    void acceptsOnlyStandardWebhooksSecrets() {
        assertThat(SubscriptionValidator.isSigningSecret(SECRET)).isTrue();
        assertThat(SubscriptionValidator.isSigningSecret("whsec_c2hvcnQ=")).isFalse();
        assertThat(SubscriptionValidator.isSigningSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(SubscriptionValidator.isSigningSecret("whsec_not base64!")).isFalse();
    }
}
