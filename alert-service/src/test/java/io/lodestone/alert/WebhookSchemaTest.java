package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The published webhook schema is strict enough to catch a body that lost its data. */
class WebhookSchemaTest {

    @Test
    void rejectsAnEnvelopeWithoutANotification() {
        String body = """
                {"specversion": "1.0", "id": "d1", "source": "/lodestone/alert-service",
                 "type": "io.lodestone.alert.notification.v1", "subject": "s1", "time": "2025-04-04T09:00:00Z",
                 "datacontenttype": "application/json", "data": {"kind": "FIRING", "alerts": []}}""";

        assertThat(Schemas.webhookBodyProblems(body)).extracting(Object::toString)
                .anyMatch(problem -> problem.contains("subscriptionId"))
                .anyMatch(problem -> problem.contains("alerts"));
    }
}
