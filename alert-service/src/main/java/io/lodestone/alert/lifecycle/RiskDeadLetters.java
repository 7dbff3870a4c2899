package io.lodestone.alert.lifecycle;

import io.lodestone.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.stereotype.Component;

/**
 * Where the binder dead-letters a risk record that cannot be evaluated: {@code <topic>.dlt}, the
 * contract's one naming rule ({@link Topic#deadLetterTopicOf}), and to the partition the record
 * came from (the dead-letter topic has as many). Each one counts in
 * {@code lodestone_alert_dead_letters_total}, which the operators' alerting rules watch.
 */
@Component
class RiskDeadLetters implements DlqDestinationResolver {

    private final Counter deadLetters;

    RiskDeadLetters(MeterRegistry meters) {
        this.deadLetters = Counter.builder("lodestone.alert.dead.letters")
                .description("Risk records sent to the dead-letter topic because they could not be evaluated")
                .register(meters);
    }

    @Override
    public String apply(ConsumerRecord<?, ?> record, Exception error) {
        deadLetters.increment();
        return Topic.deadLetterTopicOf(record.topic());
    }
}
