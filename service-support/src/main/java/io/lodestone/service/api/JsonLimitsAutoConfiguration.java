package io.lodestone.service.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON document a service reads through its mapper (request bodies, Kafka records, polled
 * JSON sources) is bounded in size, string length, nesting and token count ({@code lodestone.api.json.*}),
 * and may name a property once: {@code {"url":"https://a.example","url":"http://127.0.0.1"}} is refused,
 * not read as its last value, so what a proxy or a log reads first is what the service acts on.
 * Jackson 3 fixes the stream constraints when the factory is built, so this supplies the mapper
 * builder Boot would otherwise create, on a constrained factory, with every Boot customizer applied.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(ApiProperties.class)
public class JsonLimitsAutoConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(ApiProperties properties, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(constraints(properties.json()))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    static StreamReadConstraints constraints(ApiProperties.Json limits) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentSize().toBytes())
                .maxStringLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxTokenCount(limits.maxTokenCount())
                .build();
    }
}
