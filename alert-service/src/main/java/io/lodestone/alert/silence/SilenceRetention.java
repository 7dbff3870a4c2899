package io.lodestone.alert.silence;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Pruning;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Silences expire ({@link Pruning}) once they ended more than {@code lodestone.alert.retention.silences}
 * (90 days) ago: an ended silence mutes nothing and is kept only to say why alerts of that time
 * were not sent, so creating and ending silences in a loop does not grow the table without end.
 */
@Configuration(proxyBeanMethods = false)
class SilenceRetention {

    @Bean
    Pruning.Job endedSilences(SilenceRepository silences, AlertProperties properties) {
        return new Pruning.Job("ended silences", properties.retention().silences(), silences::pruneEndedBefore);
    }
}
