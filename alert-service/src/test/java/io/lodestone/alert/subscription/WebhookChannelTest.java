package io.lodestone.alert.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which secrets sign a webhook call: the current one always, the replaced one only during its overlap. */
class WebhookChannelTest {

    static final String NEW = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OLD = "whsec_T2hP8hN3dRkq0XjvQb4m1zYcA9sWfLuE";
    static final Instant UNTIL = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest(name = "at {0} with previous {1}: {2} signature(s)")
    @CsvSource(nullValues = "-", textBlock = """
            2026-12-01T11:59:59Z, true,  2
            2026-12-01T12:00:00Z, true,  1
            2026-12-02T00:00:00Z, true,  1
            2026-12-01T11:00:00Z, false, 1
            """)
    void theReplacedSecretSignsBesideTheNewOneUntilTheOverlapEnds(Instant now, boolean hasPrevious, int signatures) {
        WebhookChannel channel = hasPrevious
                ? new WebhookChannel("https://erp.example.com/hook", NEW, OLD, UNTIL)
                : new WebhookChannel("https://erp.example.com/hook", NEW);

        assertThat(channel.signingSecrets(now)).hasSize(signatures).first().isEqualTo(NEW);
        assertThat(channel.toString()).doesNotContain("MfKQ9r8G", "T2hP8hN3");
    }
}
