package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas are what integrations read, so they must describe exactly what the services
 * write: records serialised the way the services serialise them (Jackson 3) validate, and a field
 * the schema does not know fails.
 */
class SchemaConformanceTest {

    private static final String SCHEMA_BASE = "urn:lodestone:schema:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE,
                    "classpath:" + MessageType.SCHEMA_FOLDER)));

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void serialisedSampleValidatesAgainstItsSchema(MessageType type) {
        String json = JSON.writeValueAsString(Samples.sampleOf(type));

        assertThat(validate(type, json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaDescribesEveryRecordComponentAndNothingElse(MessageType type) throws IOException {
        JsonNode schema = schemaTree(type);
        List<String> described = new ArrayList<>(schema.get("properties").propertyNames());
        List<String> components = new ArrayList<>(Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName).toList());
        if (AlertEvent.class.isAssignableFrom(type.payloadType())) {
            components.add("type");
        }

        assertThat(described).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        schema.get("properties").forEach(property ->
                assertThat(property.hasNonNull("description")).as("every field is documented").isTrue());
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void payloadWithAFieldTheSchemaDoesNotDescribeIsRejected(MessageType type) {
        ObjectNode payload = (ObjectNode) JSON.valueToTree(Samples.sampleOf(type));
        payload.put("undocumentedField", "surprise");

        assertThat(validate(type, payload.toString()))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("undocumentedField"));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void serialisedSampleReadsBackEqual(MessageType type) {
        Object sample = Samples.sampleOf(type);
        String json = JSON.writeValueAsString(sample);

        assertThat(JSON.readValue(json, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaIdIsItsFileNameInTheProjectsSchemaNamespace(MessageType type) throws IOException {
        JsonNode schema = schemaTree(type);

        assertThat(schema.get("$id").asString()).isEqualTo(SCHEMA_BASE + fileName(type));
        assertThat(schema.toString()).as("no schema refers to a placeholder host").doesNotContain("example");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void aReaderIgnoresAFieldAddedByALaterRevision(MessageType type) {
        // Given a payload of a later revision: a higher schemaVersion and a field this one does not know
        Object sample = Samples.sampleOf(type);
        ObjectNode later = (ObjectNode) JSON.valueToTree(sample);
        later.put("schemaVersion", 2);
        later.put("fieldOfRevisionTwo", "new");

        // When a reader of this revision reads it with a default mapper, Then it reads what it knows
        Object read = JSON.readValue(later.toString(), type.payloadType());
        assertThat(JSON.valueToTree(read).get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(JSON.valueToTree(read).has("fieldOfRevisionTwo")).isFalse();
        // and the schema still refuses a revision below the first
        later.remove("fieldOfRevisionTwo");
        later.put("schemaVersion", 0);
        assertThat(validate(type, later.toString())).extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString).contains("/schemaVersion");
    }

    @Test
    void timesAreWrittenAsRfc3339Strings() {
        JsonNode tree = JSON.valueToTree(Samples.heavyRareEarthControls());

        assertThat(tree.get("publishedAt").asString()).isEqualTo("2025-04-04T08:00:00Z");
    }

    @Test
    void outOfRangeSeverityIsRejectedBySchema() {
        ObjectNode payload = (ObjectNode) JSON.valueToTree(Samples.heavyRareEarthControls());
        payload.put("severity", 9);

        assertThat(validate(MessageType.SUPPLY_EVENT_DETECTED, payload.toString()))
                .extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString)
                .contains("/severity");
    }

    @ParameterizedTest(name = "publishedAt {0}")
    @ValueSource(strings = {"2999-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z", "1850-01-01T00:00:00Z"})
    void absurdPublicationDateIsRejectedBySchema(String publishedAt) {
        ObjectNode payload = (ObjectNode) JSON.valueToTree(Samples.heavyRareEarthControls());
        payload.put("publishedAt", publishedAt);

        assertThat(validate(MessageType.SUPPLY_EVENT_DETECTED, payload.toString()))
                .extracting(ValidationMessage::getInstanceLocation)
                .map(Object::toString)
                .contains("/publishedAt");
    }

    private static Set<ValidationMessage> validate(MessageType type, String json) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + fileName(type)), config);
        return schema.validate(json, InputFormat.JSON);
    }

    private static JsonNode schemaTree(MessageType type) throws IOException {
        try (InputStream in = SchemaConformanceTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s is shipped in the jar", type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static String fileName(MessageType type) {
        return type.schemaResource().substring(MessageType.SCHEMA_FOLDER.length());
    }
}
