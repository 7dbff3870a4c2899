package io.lodestone.alert.lifecycle;

import io.lodestone.events.DeadLetterHeaders;
import io.lodestone.events.Topic;
import io.lodestone.events.Topics;
import io.lodestone.service.security.LogSafe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a record of {@code element.risk.v1} that cannot be evaluated, decided by the
 * binding's listener container (a Spring Kafka {@link DefaultErrorHandler}) rather than inside the
 * binding ({@link #retryAndDlqInBinding} is false for that topic):
 * <ul>
 * <li>an exception listed in the binding's {@code retryable-exceptions} (the database ones,
 * anywhere in the chain of causes) is retried for as long as it lasts, after the binding's
 * back-off. Between attempts the error handler seeks back and the consumer polls again, so a long
 * database outage holds the partition without holding the consumer past
 * {@code max.poll.interval.ms} (the back-off is checked to stay at most a tenth of it);</li>
 * <li>anything else goes at once to {@code <topic>.dlt} ({@link Topic#deadLetterTopicOf}), to the
 * partition it came from, as it came (key and value bytes, headers) plus the error headers of
 * {@link DeadLetterHeaders}. It counts in {@code lodestone_alert_dead_letters_total}, which the
 * operators' alerting rules watch, once the broker has acknowledged it. A dead letter the broker
 * does not take is neither counted nor acknowledged: the record stays where it is and is tried
 * again after the back-off's longest interval, until the dead-letter topic takes it.</li>
 * </ul>
 * Dead letters go through a producer of their own with the binder's connection settings: the
 * {@link KafkaBinderConfigurationProperties#mergedProducerConfiguration() merged producer
 * configuration} of {@code spring.cloud.stream.kafka.binder} over Boot's {@code spring.kafka}
 * (brokers, and the TLS and SASL settings of the {@code kafka-scram} profile), bound here the same
 * way the binder binds it.
 */
@Component
class RiskRetryAndDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** The largest dead letter: the failed record, up to what the input topic takes, plus its error headers. */
    static final int MAX_DEAD_LETTER_BYTES = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RiskRetryAndDeadLetters.class);
    private static final String BINDER_PROPERTIES = "spring.cloud.stream.kafka.binder";
    private static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    private final Counter deadLetters;
    private final KafkaBinderConfigurationProperties binder;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    RiskRetryAndDeadLetters(MeterRegistry meters, KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails, Environment environment) {
        this.deadLetters = Counter.builder("lodestone.alert.dead.letters")
                .description("Risk records sent to the dead-letter topic because they could not be evaluated")
                .register(meters);
        this.binder = binderConfiguration(kafka, connectionDetails, environment);
        this.producers = new DefaultKafkaProducerFactory<>(producerConfiguration(binder));
        this.template = new KafkaTemplate<>(producers);
    }

    /** The Kafka binder's configuration, bound from the environment as the binder binds its own. */
    static KafkaBinderConfigurationProperties binderConfiguration(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails, Environment environment) {
        KafkaBinderConfigurationProperties binder = new KafkaBinderConfigurationProperties(kafka, connectionDetails);
        Binder.get(environment).bind(BINDER_PROPERTIES, Bindable.ofInstance(binder));
        return binder;
    }

    /**
     * How long one dead letter may take the broker, waiting for metadata included: the consumer thread
     * waits for it (Kafka's own default is 120 s for delivery and 60 s for metadata, which with the
     * pause after a failure came close to {@code max.poll.interval.ms} whenever the broker was away).
     */
    static final int DEAD_LETTER_TIMEOUT_MS = 30_000;

    /**
     * The dead-letter producer's configuration: the binder's connection settings, raw bytes, up to 2 MiB,
     * and a send that gives up after {@link #DEAD_LETTER_TIMEOUT_MS}.
     */
    static Map<String, Object> producerConfiguration(KafkaBinderConfigurationProperties binder) {
        Map<String, Object> configuration = new HashMap<>(binder.mergedProducerConfiguration());
        configuration.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DEAD_LETTER_TIMEOUT_MS);
        configuration.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEAD_LETTER_TIMEOUT_MS);
        // delivery.timeout.ms must cover linger.ms and one request
        configuration.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, DEAD_LETTER_TIMEOUT_MS / 3);
        configuration.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configuration.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configuration.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_DEAD_LETTER_BYTES);
        configuration.put(ProducerConfig.ACKS_CONFIG, "all");
        configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return configuration;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return !handles(destinationName);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        throw new IllegalStateException("the binding's consumer properties are needed to configure " + destinationName);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> binding) {
        if (!handles(destinationName)) {
            return;
        }
        // With max-attempts 1 the binder hands failures to its error channel, which logs them and
        // acknowledges the record: it would never reach the error handler below.
        if (binding.getMaxAttempts() < 2) {
            throw new IllegalStateException("max-attempts of " + destinationName + " must stay above 1 (it is "
                    + binding.getMaxAttempts() + "); retries are decided by the listener container, without limit");
        }
        long longestWait = binding.getBackOffMaxInterval();
        long maxPollInterval = maxPollInterval(binding.getExtension());
        if (longestWait * 10 > maxPollInterval) {
            throw new IllegalStateException("back-off-max-interval of " + destinationName + " (" + longestWait
                    + " ms) must be at most a tenth of max.poll.interval.ms (" + maxPollInterval + " ms)");
        }
        ExponentialBackOff retries = new ExponentialBackOff(binding.getBackOffInitialInterval(),
                binding.getBackOffMultiplier());
        retries.setMaxInterval(longestWait);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer(container, Duration.ofMillis(longestWait)), retries);
        errors.setClassifications(binding.getRetryableExceptions(), binding.isDefaultRetryable());
        container.setCommonErrorHandler(errors);
    }

    private ConsumerAwareRecordRecoverer recoverer(MessageListenerContainer container, Duration pauseAfterFailure) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, error) -> new TopicPartition(Topic.deadLetterTopicOf(record.topic()), record.partition()));
        publisher.setHeaderNamesSupplier(RiskRetryAndDeadLetters::contractHeaderNames);
        // A send the broker refuses (or that times out) throws: the record is not acknowledged
        publisher.setFailIfSendResultIsError(true);
        return (record, consumer, error) -> {
            Exception why = why(error);
            try {
                publisher.accept(record, consumer, why);
            } catch (RuntimeException failed) {
                log.warn("{}-{}@{} could not be written to {}; it is not acknowledged and is tried again in {}",
                        record.topic(), record.partition(), record.offset(), Topic.deadLetterTopicOf(record.topic()),
                        pauseAfterFailure);
                pause(container, pauseAfterFailure);
                throw failed;
            }
            deadLetters.increment();
            log.warn("{}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    Topic.deadLetterTopicOf(record.topic()), LogSafe.escape(why.getClass().getSimpleName() + ": " + why.getMessage()));
        };
    }

    /**
     * The exception that says why, for the error headers: the listener's own, without the
     * container's and the binding's wrappers (whose messages only name the handler).
     */
    static Exception why(Exception error) {
        Exception cause = ErrorHandlingUtils.unwrapIfNeeded(error);
        while (cause instanceof MessagingException && cause.getCause() instanceof Exception inner) {
            cause = inner;
        }
        return cause;
    }

    /** The names of the contract's dead-letter headers for what Spring Kafka adds to a dead letter. */
    private static HeaderNames contractHeaderNames() {
        return HeaderNames.Builder.original()
                .topicHeader(DeadLetterHeaders.ORIGINAL_TOPIC)
                .partitionHeader(DeadLetterHeaders.ORIGINAL_PARTITION)
                .offsetHeader(DeadLetterHeaders.ORIGINAL_OFFSET)
                .timestampHeader(DeadLetterHeaders.ORIGINAL_TIMESTAMP)
                .timestampTypeHeader("x-original-timestamp-type")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .exceptionFqcn(DeadLetterHeaders.EXCEPTION_FQCN)
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .exceptionMessage(DeadLetterHeaders.EXCEPTION_MESSAGE)
                .exceptionStacktrace(DeadLetterHeaders.EXCEPTION_STACKTRACE)
                // keys are read as bytes, so no key can fail to deserialize; named for completeness
                .keyExceptionFqcn("x-key-exception-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .build();
    }

    /** The consumer's max.poll.interval.ms: the binding's configuration over the binder's. */
    private long maxPollInterval(KafkaConsumerProperties binding) {
        Object configured = binding.getConfiguration().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        if (configured == null) {
            configured = binder.mergedConsumerConfiguration().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        }
        return configured == null ? DEFAULT_MAX_POLL_INTERVAL_MS : Long.parseLong(configured.toString());
    }

    private static void pause(MessageListenerContainer container, Duration pause) {
        try {
            ListenerUtils.stoppableSleep(container, pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean handles(String destinationName) {
        return Topics.ELEMENT_RISK.name().equals(destinationName);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
