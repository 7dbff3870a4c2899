package io.lodestone.alert.lifecycle;

import io.lodestone.alert.StoredText;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import java.time.Clock;
import java.time.Duration;
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
 * <p>
 * The contract is wider than what this service keeps, and anyone who can write to the topic can
 * use all of it, so a change is also refused when it names an element outside the catalogue (300
 * made-up symbols of 876 KB each once filled the board's query until the service ran out of memory)
 * or is dated more than {@link #CLOCK_TOLERANCE} past this service's clock (scoring dates a change at
 * most at its own clock; a day ahead, the contract's bound, would shut out every real change of
 * that day). What is kept of a change is bounded: its first {@value #KEPT_CONTRIBUTORS}
 * contributors (scoring names five), and a NUL in their text, which PostgreSQL cannot store, becomes
 * U+FFFD instead of sending the whole change to the dead letters.
 */
@Configuration
class RiskChangeConsumer {

    /** How far past this service's clock a change may be dated. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** How many of a change's contributors are kept: the first ones, which the contract lists largest first. */
    static final int KEPT_CONTRIBUTORS = 10;

    @Bean
    Consumer<Message<?>> evaluateRisk(RiskEvaluation evaluation, JsonMapper json, Clock clock) {
        JsonMapper records = StoredText.replacingNul(json);
        return message -> evaluation.evaluate(kept(read(records, message.getPayload()), clock.instant()),
                receivedAt(message));
    }

    /** The change as this service keeps it; throws, naming why, for a change it refuses. */
    static ElementRiskChanged kept(ElementRiskChanged change, Instant now) {
        if (Elements.bySymbol(change.element()).isEmpty()) {
            throw new IllegalArgumentException("element " + change.element() + " is not in the catalogue");
        }
        if (change.asOf().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new IllegalArgumentException("asOf " + change.asOf() + " is more than " + CLOCK_TOLERANCE
                    + " past this service's clock (" + now + ")");
        }
        if (change.contributors().size() <= KEPT_CONTRIBUTORS) {
            return change;
        }
        return new ElementRiskChanged(change.schemaVersion(), change.element(), change.score(), change.level(),
                change.previousScore(), change.previousLevel(), change.baseline(), change.asOf(),
                change.contributors().subList(0, KEPT_CONTRIBUTORS), change.modelVersion());
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
