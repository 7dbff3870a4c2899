package io.lodestone.service.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * For the services with Kafka Streams stages (news-ingest's story stage, scoring): a failed stream
 * thread is replaced within a budget ({@link StreamThreadFailures}), and a stage that stops for good
 * (state ERROR) makes the service not live. Liveness is the probe an orchestrator restarts on; the
 * binder's own health indicator already takes such a service out of readiness, which alone would
 * leave it running, unready and never restarted.
 */
@AutoConfiguration
@ConditionalOnClass({KafkaStreams.class, StreamsBuilderFactoryBeanConfigurer.class})
@EnableConfigurationProperties(StreamsProperties.class)
public class StreamsFailureAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsFailureAutoConfiguration.class);

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamThreadFailureHandling(StreamsProperties properties,
            ObjectProvider<MeterRegistry> meters, ApplicationEventPublisher events) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return factory -> {
            StreamThreadFailures failures = new StreamThreadFailures(() -> stageName(factory),
                    properties.threadReplacements(), properties.replacementWindow(), Clock.systemUTC(), registry);
            // Not factory.setStreamsUncaughtExceptionHandler: the binder replaces that handler with its own
            // (shut down at once) when it starts the stages, after every configurer. A customizer runs when
            // the KafkaStreams instance is built, after the factory's handler has been set, so this one wins.
            factory.setKafkaStreamsCustomizer(streams -> {
                streams.setUncaughtExceptionHandler(failures);
                failures.registerCounters();
            });
            factory.setStateListener((newState, oldState) -> {
                if (newState == KafkaStreams.State.ERROR) {
                    log.error("Kafka Streams stage {} has stopped for good (state {} after {}): reporting the service"
                            + " not live", stageName(factory), newState, oldState);
                    AvailabilityChangeEvent.publish(events, factory, LivenessState.BROKEN);
                }
            });
        };
    }

    private static String stageName(StreamsBuilderFactoryBean factory) {
        return Objects.toString(factory.getStreamsConfiguration() == null ? null
                : factory.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG), "unnamed");
    }
}
