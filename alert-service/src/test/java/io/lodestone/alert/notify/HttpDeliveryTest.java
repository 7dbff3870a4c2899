package io.lodestone.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {

    static final Instant NOW = Instant.parse("2025-04-04T08:00:00Z");

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(HttpDelivery.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpDelivery.retryAfter("Fri, 04 Apr 2025 08:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpDelivery.retryAfter("Fri, 04 Apr 2025 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HttpDelivery.retryAfter("soon", NOW)).isNull();
        assertThat(HttpDelivery.retryAfter("-5", NOW)).isNull();
    }
}
