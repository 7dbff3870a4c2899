package io.lodestone.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.TestProperties;
import io.lodestone.testsupport.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posting to Slack and webhook receivers: only loopback receivers, and only when allowed. */
class HttpDeliveryTest {

    static final Instant NOW = Instant.parse("2025-04-04T08:00:00Z");

    private final RecordingHttpServer receiver = RecordingHttpServer.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(HttpDelivery.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpDelivery.retryAfter("Fri, 04 Apr 2025 08:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpDelivery.retryAfter("Fri, 04 Apr 2025 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HttpDelivery.retryAfter("soon", NOW)).isNull();
        assertThat(HttpDelivery.retryAfter("-5", NOW)).isNull();
    }

    @Test
    void receiverOnAnAllowedRangeGetsThePost() {
        HttpDelivery http = delivery(Map.of("lodestone.alert.egress.allowed-cidrs", "127.0.0.0/8"));

        SendOutcome outcome = http.post(receiver.uri("/hook").toString(), "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("webhook-id", "42"));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(receiver.requests()).singleElement().satisfies(request -> assertThat(request.header("webhook-id")).isEqualTo("42"));
    }

    @Test
    void loopbackIsRefusedWhenNotAllowedAndNeverConnectedTo() {
        HttpDelivery http = delivery(Map.of());

        SendOutcome outcome = http.post(receiver.uri("/services/T0/B0/token").toString(), "application/json", new byte[0], Map.of());

        assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
        assertThat(outcome.detail()).contains("loopback").doesNotContain("token");
        assertThat(receiver.requests()).isEmpty();
    }

    private static HttpDelivery delivery(Map<String, String> settings) {
        AlertProperties properties = TestProperties.alert(settings);
        return new HttpDelivery(new UrlGuard(properties), properties);
    }
}
