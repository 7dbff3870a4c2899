package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code evaluateRisk} binding: every record of {@code element.risk.v1} is evaluated against
 * the subscriptions. The binder commits the offset after the evaluation's transaction; a record
 * that cannot be read goes to {@code element.risk.v1.dlt}, a database failure is retried (see
 * {@link RiskRetryAndDeadLetters}). The record is read here, from its bytes, rather than by the
 * binder's message conversion: a record the binder could not convert reached the function as bytes
 * and failed with a {@link ClassCastException}, the only reason its dead letter gave. Read here, the
 * dead letter names what is wrong (the field, the value, the position in the JSON).
 */
@Configuration
class RiskChangeConsumer {

    @Bean
    Consumer<Message<?>> evaluateRisk(RiskEvaluation evaluation, JsonMapper json) {
        return message -> evaluation.evaluate(read(json, message.getPayload()), receivedAt(message));
    }

    /**
     * The change a record's value holds; throws, naming why, if it holds none: not JSON, JSON null,
     * or a field missing or out of the contract's range.
     */
    static ElementRiskChanged read(JsonMapper json, Object payload) {
        // a tombstone arrives as KafkaNull
        if (!(payload instanceof byte[] value) || value.length == 0) {
            throw new IllegalArgumentException("the record has no value");
        }
        ElementRiskChanged change = json.readValue(value, ElementRiskChanged.class);
        if (change == null) {
            throw new IllegalArgumentException("the record's value is JSON null");
        }
        return change;
    }

    private static Instant receivedAt(Message<?> message) {
        Object timestamp = message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP);
        return timestamp instanceof Long millis ? Instant.ofEpochMilli(millis) : Instant.now();
    }
}
