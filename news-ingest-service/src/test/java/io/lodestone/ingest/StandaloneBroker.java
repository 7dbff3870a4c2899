package io.lodestone.ingest;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A KRaft broker of a test class's own, for tests that run without a Spring test context (starting
 * one would pause and restart the context the service's other integration tests share). Starting
 * it sets {@code spring.embedded.kafka.brokers}, which other test classes' contexts resolve lazily,
 * so closing it points that property back at their broker.
 */
public final class StandaloneBroker implements AutoCloseable {

    private static final String BROKERS_PROPERTY = "spring.embedded.kafka.brokers";

    private final String sharedBrokers = System.getProperty(BROKERS_PROPERTY);
    private final EmbeddedKafkaBroker broker;

    private StandaloneBroker(String... topics) {
        broker = new EmbeddedKafkaKraftBroker(1, 1, topics).brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    /** Starts a single-node broker with these topics (one partition each), ready for transactions. */
    public static StandaloneBroker start(String... topics) {
        return new StandaloneBroker(topics);
    }

    public String brokers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
        if (sharedBrokers == null) {
            System.clearProperty(BROKERS_PROPERTY);
        } else {
            System.setProperty(BROKERS_PROPERTY, sharedBrokers);
        }
    }
}
