package io.lodestone.scoring.stream;

import io.lodestone.scoring.RiskScoringProperties;
import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.model.RiskEngine;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the topology into the Kafka Streams binder: one function, {@code scoreRisk}, bound in
 * application.yml to {@code supply.events.v1} in and to {@code element.risk.v1} and the
 * dead-letter topic out; the binder registers the state store bean with the builder.
 */
@Configuration(proxyBeanMethods = false)
class RiskStreamConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RiskStreamConfiguration.class);

    @Bean
    RiskEngine riskEngine(RiskScoringProperties properties) {
        RiskEngine engine = RiskEngine.standard(properties.publishStep());
        log.info("Scoring with risk model version {} (a fingerprint of ModelParameters and the baselines; "
                + "element.risk.v1 records name it)", engine.modelVersion());
        return engine;
    }

    @Bean
    RiskTopology riskTopology(RiskEngine engine, RiskScoringProperties properties, RiskMetrics metrics) {
        return new RiskTopology(engine, properties.decayInterval(), properties.source(), metrics);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, ElementRisk>> elementRiskStore(RiskTopology topology) {
        return topology.storeBuilder(RiskTopology.StoreKind.PERSISTENT);
    }

    @Bean
    Function<KStream<byte[], byte[]>, KStream<?, ?>[]> scoreRisk(RiskTopology topology) {
        return topology::apply;
    }
}
