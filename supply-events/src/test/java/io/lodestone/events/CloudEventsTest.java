package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void headersFollowBinaryModeNamingAndDeriveTypeFromPayload() {
        CloudEvents attributes = CloudEvents.of("id-1", Samples.dysprosiumRaisedToHigh(),
                "/lodestone/risk-scoring-service", Samples.APRIL_4_2025);

        assertThat(attributes.headers()).containsExactly(
                Map.entry("ce_id", "id-1"),
                Map.entry("ce_type", "io.lodestone.element.risk.changed.v1"),
                Map.entry("ce_source", "/lodestone/risk-scoring-service"),
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_time", "2025-04-04T08:00:00Z"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void attributesReadBackFromRecordHeaders() {
        CloudEvents written = CloudEvents.of("id-2", Samples.dysprosiumAlertFired(), "/lodestone/alert-service",
                Samples.APRIL_4_2025);

        assertThat(CloudEvents.fromHeaders(written.headerBytes())).isEqualTo(written);
        assertThat(MessageType.ofCloudEventType(written.type())).isEqualTo(MessageType.ALERT_FIRED);
    }

    @Test
    void missingAttributeIsNamed() {
        Map<String, byte[]> headers = new HashMap<>(
                CloudEvents.of("id-3", Samples.heavyRareEarthControls(), "/x", Samples.APRIL_4_2025).headerBytes());
        headers.remove("ce_source");

        assertThatThrownBy(() -> CloudEvents.fromHeaders(headers)).hasMessageContaining("ce_source");
    }

    @Test
    void nonContractPayloadIsRefused() {
        assertThatThrownBy(() -> CloudEvents.of("id-4", "a string", "/x", Samples.APRIL_4_2025))
                .hasMessageContaining("not a Lodestone message");
    }
}
