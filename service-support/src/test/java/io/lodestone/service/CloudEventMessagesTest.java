package io.lodestone.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

class CloudEventMessagesTest {

    @Test
    void messageCarriesKeyPayloadAndRawCloudEventsHeaders() {
        ElementRiskChanged risk = new ElementRiskChanged(1, "Tb", 66, RiskLevel.HIGH, null, null, 33,
                Instant.parse("2025-04-05T00:00:00Z"), List.of());

        Message<ElementRiskChanged> message =
                CloudEventMessages.of("Tb", risk, "/lodestone/risk-scoring-service", risk.asOf());

        assertThat(message.getPayload()).isSameAs(risk);
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("Tb");
        assertThat(text(message, "ce_type")).isEqualTo("io.lodestone.element.risk.changed.v1");
        assertThat(text(message, "ce_time")).isEqualTo("2025-04-05T00:00:00Z");
        assertThat(text(message, "ce_specversion")).isEqualTo("1.0");
        assertThat(text(message, "ce_id")).isNotBlank();
    }

    private static String text(Message<?> message, String header) {
        return new String((byte[]) message.getHeaders().get(header), StandardCharsets.UTF_8);
    }
}
