package io.lodestone.alert.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;

class RiskRetryAndDeadLettersTest {

    @TempDir
    Path mounted;

    @Test
    void deadLettersGoThroughTheBindersBrokersAndTheKafkaScramProfilesTlsAndSasl() throws Exception {
        Path caFile = Files.writeString(mounted.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----");
        // Given the services' defaults with the kafka-scram profile's document, as the prod overlay runs them
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                .load("lodestone-service-defaults", new ClassPathResource("lodestone-service-defaults.yml"));
        defaults.forEach(document -> environment.getPropertySources().addFirst(document));
        environment.getPropertySources().addFirst(new MapPropertySource("deployment", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "lodestone-kafka-bootstrap:9093",
                "KAFKA_CA_FILE", caFile.toString(),
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;")));
        KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
        KafkaConnectionDetails boot = () -> kafka.getBootstrapServers();

        Map<String, Object> producer = RiskRetryAndDeadLetters.producerConfiguration(RiskRetryAndDeadLetters
                .binderConfiguration(kafka, new StaticListableBeanFactory(Map.of("kafka", boot))
                        .getBeanProvider(KafkaConnectionDetails.class), environment));

        assertThat(producer).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "lodestone-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", caFile.toString())
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    /**
     * With the broker away, the consumer thread waits for a dead letter as long as Spring Kafka's
     * recoverer waits for the send (its delivery timeout and a margin), then pauses for the binding's
     * longest back-off (30 s): both together stay far under {@code max.poll.interval.ms} (300 s).
     */
    @Test
    void aDeadLetterTheBrokerDoesNotTakeHoldsTheConsumerFarLessThanItsPollInterval() {
        Map<String, Object> producer = RiskRetryAndDeadLetters.producerConfiguration(
                RiskRetryAndDeadLetters.binderConfiguration(new KafkaProperties(),
                        new StaticListableBeanFactory(Map.of()).getBeanProvider(KafkaConnectionDetails.class),
                        new StandardEnvironment()));
        Duration sendWait = KafkaUtils.determineSendTimeout(producer, 5_000, 30_000);
        // Kafka's default when unset: 60 s
        long metadataWait = ((Number) producer.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)).longValue();

        assertThat(sendWait.plusMillis(metadataWait).plusSeconds(30)).isLessThanOrEqualTo(Duration.ofSeconds(100));
        // and Kafka accepts the timeouts together (delivery covers linger and one request)
        new KafkaProducer<>(withLocalBroker(producer)).close(Duration.ZERO);
    }

    private static Map<String, Object> withLocalBroker(Map<String, Object> producer) {
        Map<String, Object> local = new java.util.HashMap<>(producer);
        local.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return local;
    }

    @Test
    void theErrorHeadersNameTheListenersExceptionNotItsWrappers() {
        IllegalArgumentException bug = new IllegalArgumentException("level CATASTROPHIC is not known");
        Exception wrapped = new ListenerExecutionFailedException("Listener failed", "alert-service",
                new MessageHandlingException(new GenericMessage<>("{}"), "error occurred in message handler", bug));

        assertThat(RiskRetryAndDeadLetters.why(wrapped)).isSameAs(bug);
    }
}
