package io.lodestone.service.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;

/** Runs the service's health checks off the request threads ({@link BackgroundHealthChecks}). */
@AutoConfiguration(after = HealthContributorRegistryAutoConfiguration.class)
@ConditionalOnClass(HealthContributorRegistry.class)
@ConditionalOnBean(HealthContributorRegistry.class)
@EnableConfigurationProperties(HealthProperties.class)
public class BackgroundHealthAutoConfiguration {

    @Bean
    BackgroundHealthChecks backgroundHealthChecks(HealthContributorRegistry registry, HealthProperties timing) {
        return new BackgroundHealthChecks(registry, timing);
    }
}
