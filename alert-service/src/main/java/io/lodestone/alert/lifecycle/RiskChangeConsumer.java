package io.lodestone.alert.lifecycle;

import io.lodestone.events.ElementRiskChanged;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code evaluateRisk} binding: every record of {@code element.risk.v1} is evaluated against
 * the subscriptions. The binder commits the offset after the evaluation's transaction; a record
 * that cannot be read goes to {@code element.risk.v1.dlt}, a database failure is retried (see
 * {@link RiskRetryAndDeadLetters}).
 */
@Configuration
class RiskChangeConsumer {

    @Bean
    Consumer<Message<ElementRiskChanged>> evaluateRisk(RiskEvaluation evaluation) {
        return message -> evaluation.evaluate(message.getPayload(), receivedAt(message));
    }

    private static Instant receivedAt(Message<?> message) {
        Object timestamp = message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP);
        return timestamp instanceof Long millis ? Instant.ofEpochMilli(millis) : Instant.now();
    }
}
