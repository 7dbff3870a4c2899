package io.lodestone.alert;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Everything this service reads ends up in PostgreSQL, whose text and jsonb cannot hold U+0000.
 * The service's JSON mapper therefore refuses that character in every string it reads, so a request
 * carrying one is a 400 naming the field ({@code name}, {@code comment}) instead of a failed insert.
 */
@Configuration(proxyBeanMethods = false)
class StoredText {

    static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";

    @Bean
    JsonMapperBuilderCustomizer refuseNulInStrings() {
        return builder -> builder.addModule(new SimpleModule("stored-text").addDeserializer(String.class, new NoNul()));
    }

    /** Jackson's own string reading, then the check. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.reportInputMismatch(this, NUL_REFUSED);
            }
            return value;
        }
    }
}
