package io.lodestone.service.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Installs the API conventions in every servlet-based Lodestone service. */
@AutoConfiguration
@EnableConfigurationProperties(ApiProperties.class)
@Import(ApiProblems.class)
public class ApiAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiAutoConfiguration.class);

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ApiProperties properties, JsonMapper json) {
        if (properties.tokens().isEmpty()) {
            log.warn("No API token is configured (lodestone.api.tokens or LODESTONE_API_TOKEN): "
                    + "every protected /api/ request will be refused with 401.");
        }
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(properties, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
