package io.lodestone.ingest.publish;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.dedupe.LinkRules;
import io.lodestone.ingest.dedupe.Story;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the story stage into the Kafka Streams binder: one function, {@code placeInStories},
 * bound in application.yml to the candidates topic in and to {@code supply.events.v1} and the
 * candidates' dead-letter topic out; the binder registers the store bean with the builder.
 */
@Configuration(proxyBeanMethods = false)
class StoryStreamConfiguration {

    @Bean
    StoryTopology storyTopology(IngestProperties properties, MeterRegistry meters) {
        return new StoryTopology(LinkRules.standard(properties.dedupeWindow(), properties.maxStories()), meters);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, Story>> storyStore(StoryTopology topology) {
        return topology.storeBuilder();
    }

    @Bean
    Function<KStream<String, byte[]>, KStream<String, ?>[]> placeInStories(StoryTopology topology) {
        return topology::apply;
    }
}
