package io.lodestone.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The local stack's Kafka broker alone, on free ports and in a directory of its own, for tests that need only it. */
final class LoneBroker implements AutoCloseable {

    private final StackSettings settings;
    private final KafkaBroker broker;

    private LoneBroker(StackSettings settings) {
        this.settings = settings;
        this.broker = new KafkaBroker(settings);
    }

    static LoneBroker start(Path dataDir) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("LODESTONE_HOME", Path.of("..").toAbsolutePath().normalize().toString());
        env.put("LODESTONE_DATA", dataDir.toString());
        env.put("LODESTONE_KAFKA_PORT", String.valueOf(FreePorts.next()));
        env.put("LODESTONE_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        LoneBroker lone = new LoneBroker(StackSettings.from(List.of(), env));
        lone.broker.start();
        return lone;
    }

    String bootstrap() {
        return settings.kafkaBootstrap();
    }

    @Override
    public void close() {
        broker.stop();
    }
}
