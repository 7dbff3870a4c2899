package io.lodestone.alert;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lodestone.events.MessageType;
import java.util.Set;

/** Validates what the service writes against the JSON Schemas integrations read. */
final class Schemas {

    private static final String BASE = "urn:lodestone:schema:";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(BASE + "alert-notification", "classpath:static/schemas/alert-notification")
                    .mapPrefix(BASE, "classpath:" + MessageType.SCHEMA_FOLDER)));

    private Schemas() {
    }

    /** Problems of a webhook body against {@code alert-notification.v1.schema.json}; empty when valid. */
    static Set<ValidationMessage> webhookBodyProblems(String json) {
        return validate("alert-notification.v1.schema.json", json);
    }

    /** Problems of an {@code alerts.v1} payload against the contract's schema for its type. */
    static Set<ValidationMessage> contractProblems(MessageType type, String json) {
        return validate(type.schemaResource().substring(MessageType.SCHEMA_FOLDER.length()), json);
    }

    private static Set<ValidationMessage> validate(String file, String json) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file)).validate(json, InputFormat.JSON,
                context -> context.getExecutionConfig().setFormatAssertionsEnabled(true));
    }
}
