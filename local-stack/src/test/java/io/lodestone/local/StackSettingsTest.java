package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' JVM settings on a laptop: the repository's shared options file, a laptop heap, overridable. */
class StackSettingsTest {

    @Test
    void servicesGetTheSharedOptionsFileAndALaptopHeapWithClassDataSharing(@TempDir Path checkout) throws Exception {
        Path options = Files.createDirectories(checkout.resolve("ops/jvm")).resolve("services.options");
        Files.writeString(options, "-XX:+UseSerialGC\n");

        StackSettings settings = StackSettings.from(List.of(), Map.of("LODESTONE_HOME", checkout.toString()));

        assertThat(settings.javaOptions()).containsExactly("@" + options.toRealPath(), "-Xms64m", "-Xmx256m");
        assertThat(settings.classDataSharing()).isTrue();
    }

    @Test
    void anOperatorCanReplaceTheJvmOptionsAndTurnClassDataSharingOff(@TempDir Path checkout) {
        StackSettings settings = StackSettings.from(List.of(), Map.of("LODESTONE_HOME", checkout.toString(),
                "LODESTONE_JAVA_OPTIONS", " -Xmx1g  -XX:+UseG1GC ", "LODESTONE_CDS", "false"));

        assertThat(settings.javaOptions()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(settings.classDataSharing()).isFalse();
    }
}
