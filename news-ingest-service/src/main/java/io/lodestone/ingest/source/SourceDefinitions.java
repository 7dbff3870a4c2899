package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.api.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.JsonNode;

/**
 * A source definition sent as JSON (the fields of {@code lodestone.ingest.sources}, in camelCase or
 * kebab-case) turned into a source by the very binder and validation rules that configuration goes
 * through, so a source the API accepts is one that would also start as configuration, and the
 * other way round. Fields it does not know are refused rather than ignored, so a typo cannot go
 * unnoticed. Every problem names its field ({@code html.item}, {@code pollInterval}).
 */
final class SourceDefinitions {

    private static final String ROOT = "source";
    /** A field as a caller may spell it: camelCase or kebab-case ASCII. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*");

    private SourceDefinitions() {
    }

    /** @throws InvalidRequestException naming each field at fault */
    static IngestProperties.Source read(JsonNode definition, Validator validator) {
        if (definition == null || !definition.isObject() || definition.isEmpty()) {
            throw InvalidRequestException.field("source", "send a source definition as a JSON object");
        }
        Map<String, String> misnamed = new TreeMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        flatten(ROOT, definition, properties, misnamed);
        if (!misnamed.isEmpty()) {
            throw new InvalidRequestException("The source definition has " + misnamed.size() + " unknown field(s).", misnamed);
        }
        IngestProperties.Source source;
        try {
            source = new Binder(new MapConfigurationPropertySource(properties))
                    .bind(ROOT, Bindable.of(IngestProperties.Source.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseThrow(() -> InvalidRequestException.field("source", "send a source definition"));
        } catch (BindException e) {
            throw invalid(e, properties);
        }
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<IngestProperties.Source> violation : validator.validate(source)) {
            errors.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The source definition has " + errors.size() + " invalid field(s).", errors);
        }
        return source;
    }

    private static InvalidRequestException invalid(BindException e, Map<String, Object> sent) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IngestProperties.InvalidSourceException invalid) {
                return InvalidRequestException.field(invalid.field(), invalid.problem());
            }
            if (t instanceof UnboundConfigurationPropertiesException unbound) {
                Map<String, String> errors = new TreeMap<>();
                for (ConfigurationProperty property : unbound.getUnboundProperties()) {
                    errors.put(asSent(property.getName(), sent), "is not a field of a source definition");
                }
                return new InvalidRequestException("The source definition has " + errors.size() + " unknown field(s).", errors);
            }
        }
        return InvalidRequestException.field(field(e.getName().toString()), cause.getMessage());
    }

    /** The field as the caller spelt it ({@code pollIntervall}), found among the flattened fields sent. */
    private static String asSent(ConfigurationPropertyName name, Map<String, Object> sent) {
        return sent.keySet().stream().filter(key -> name.equals(ConfigurationPropertyName.adapt(key, '.')))
                .map(key -> key.substring(ROOT.length() + 1)).findFirst().orElseGet(() -> field(name.toString()));
    }

    /** {@code source.html.date-pattern} → {@code html.datePattern}, as a caller writes it. */
    private static String field(String property) {
        String name = property.startsWith(ROOT + ".") ? property.substring(ROOT.length() + 1) : property;
        StringBuilder camel = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' && i + 1 < name.length()) {
                camel.append(Character.toUpperCase(name.charAt(++i)));
            } else {
                camel.append(c);
            }
        }
        return camel.isEmpty() ? "source" : camel.toString();
    }

    /**
     * The definition as binder properties. A key that is not one plain name ({@code ""}, {@code "."},
     * {@code "Ü"}, {@code "html.item"}) would bind to nothing, or to a field it does not spell, and so
     * is refused as the unknown field it is ({@code misnamed}).
     */
    private static void flatten(String prefix, JsonNode node, Map<String, Object> into, Map<String, String> misnamed) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (FIELD_NAME.matcher(entry.getKey()).matches()) {
                    flatten(prefix + "." + entry.getKey(), entry.getValue(), into, misnamed);
                } else {
                    misnamed.put(prefix.equals(ROOT) ? entry.getKey() : field(prefix) + "." + entry.getKey(),
                            "is not a field of a source definition");
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into, misnamed);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asString());
        }
    }
}
