package io.lodestone.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The prod overlay switches every Kafka client of a service to TLS + SCRAM with one profile. Both
 * binders and Boot's own Kafka properties must carry the same settings, or one client (the Streams
 * binder's admin client, a DLQ producer) would try to connect in plain text and be refused.
 */
class KafkaScramProfileTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"p\";";

    @Test
    void everyKafkaClientUsesTlsAndScramUnderTheProfile() {
        try (ConfigurableApplicationContext context = start("kafka-scram")) {
            Binder binder = Binder.get(context.getEnvironment());
            for (String prefix : new String[] {
                    "spring.cloud.stream.kafka.binder.configuration",
                    "spring.cloud.stream.kafka.streams.binder.configuration"}) {
                Map<String, String> config = binder.bind(prefix, Bindable.mapOf(String.class, String.class)).get();
                assertThat(config).as(prefix)
                        .containsEntry("security.protocol", "SASL_SSL")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsEntry("sasl.jaas.config", JAAS)
                        .containsEntry("ssl.truststore.type", "PEM")
                        .containsEntry("ssl.truststore.location", "/run/ca.crt")
                        .containsEntry("ssl.endpoint.identification.algorithm", "https");
            }
            ConfigurableEnvironment env = context.getEnvironment();
            assertThat(env.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
            assertThat(env.getProperty("spring.kafka.ssl.trust-store-location")).isEqualTo("file:/run/ca.crt");
        }
    }

    @Test
    void withoutTheProfileClientsKeepTheLocalPlainTextDefaults() {
        try (ConfigurableApplicationContext context = start()) {
            Binder binder = Binder.get(context.getEnvironment());
            assertThat(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of())).doesNotContainKey("security.protocol");
            assertThat(context.getEnvironment().getProperty("spring.kafka.security.protocol")).isNull();
        }
    }

    @Test
    void aHealthRequestWaitsForTheBrokerNoLongerThanTenSeconds() {
        try (ConfigurableApplicationContext context = start()) {
            // KafkaBinderConfigurationProperties.healthTimeout, in seconds (the binder's own default is 60)
            assertThat(Binder.get(context.getEnvironment())
                    .bind("spring.cloud.stream.kafka.binder.health-timeout", Integer.class).get()).isEqualTo(10);
        }
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .properties(
                        "spring.config.import=classpath:lodestone-service-defaults.yml",
                        "KAFKA_CA_FILE=/run/ca.crt",
                        "KAFKA_SASL_JAAS_CONFIG=" + JAAS)
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
