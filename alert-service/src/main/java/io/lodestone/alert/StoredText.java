package io.lodestone.alert;

import io.lodestone.service.api.ControlCharacters;
import java.util.Optional;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * What text this service takes from clients. Everything it reads ends up in PostgreSQL, whose text
 * and jsonb cannot hold U+0000, so the service's JSON mapper refuses that character in every string
 * it reads: a request carrying one is a 400 naming the field ({@code name}, {@code comment}) instead
 * of a failed insert.
 *
 * <p>Beyond that, every field a person types is one of two kinds, checked by the services that take
 * it (so the API and the console forms refuse the same): a <em>line</em> ({@link #lineProblem}) is a
 * name or label that ends up on one line of an email subject, a Slack header, a webhook body or a
 * console page, and holds no control character at all, line breaks included; a <em>text</em>
 * ({@link #textProblem}) is a comment or reason, which may span lines but holds no other control
 * character (escape sequences, NUL, C1 controls). Neither holds the invisible characters that
 * reorder how the rest of a line is displayed ({@link ControlCharacters#reordersText}).
 */
@Configuration(proxyBeanMethods = false)
public class StoredText {

    static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";
    static final String LINE_REFUSED = "must be one line without control characters (no line break, tab, escape,"
            + " text-direction override, zero-width space or broken surrogate pair)";
    static final String TEXT_REFUSED = "must not contain control characters other than tab and line breaks (nor"
            + " text-direction overrides, zero-width spaces or broken surrogate pairs)";

    /** Why {@code value} is not a line, or empty when it is (or is null). */
    public static Optional<String> lineProblem(String value) {
        return value == null || ControlCharacters.fitOneLine(value) ? Optional.empty() : Optional.of(LINE_REFUSED);
    }

    /** Why {@code value} is not a text, or empty when it is (or is null). */
    public static Optional<String> textProblem(String value) {
        return value == null || ControlCharacters.fitText(value) ? Optional.empty() : Optional.of(TEXT_REFUSED);
    }

    @Bean
    JsonMapperBuilderCustomizer refuseNulInStrings() {
        return builder -> builder.addModule(
                new SimpleModule("stored-text").addDeserializer(String.class, new NulChecked(false)));
    }

    /**
     * The service's mapper, reading NUL as U+FFFD instead of refusing it: for records other services
     * wrote, whose text came from third parties, where one character must not cost the whole record.
     */
    public static JsonMapper replacingNul(JsonMapper json) {
        return json.rebuild().addModule(new SimpleModule("nul-replaced").addDeserializer(String.class, new NulChecked(true)))
                .build();
    }

    /** Jackson's own string reading, then NUL refused (client input) or replaced by U+FFFD (other services' records). */
    static final class NulChecked extends StringDeserializer {

        private final boolean replace;

        NulChecked(boolean replace) {
            this.replace = replace;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value == null || value.indexOf('\0') < 0) {
                return value;
            }
            return replace ? value.replace('\0', '\uFFFD') : (String) context.reportInputMismatch(this, NUL_REFUSED);
        }
    }
}
