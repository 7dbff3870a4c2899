package io.lodestone.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CloudEvents binary-mode convention every Lodestone record follows: the payload is the
 * record value (JSON) and the event attributes travel as Kafka headers, UTF-8 encoded strings.
 * Any CloudEvents-aware consumer can read our topics without knowing this library.
 *
 * @param id     {@code ce_id}: unique per message (a republished event gets a new one)
 * @param type   {@code ce_type}: the payload's {@link MessageType#cloudEventType()}
 * @param source {@code ce_source}: URI reference of the producing service, e.g. {@code /lodestone/news-ingest-service}
 * @param time   {@code ce_time}: when the occurrence happened, RFC 3339
 */
public record CloudEvents(String id, String type, String source, Instant time) {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    public CloudEvents {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    /** The attributes for a payload of the contract, its type derived from the payload's class. */
    public static CloudEvents of(String id, Object payload, String source, Instant time) {
        return new CloudEvents(id, MessageType.of(payload.getClass()).cloudEventType(), source, time);
    }

    /** The Kafka header names and string values, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /** The same headers as UTF-8 bytes, the form Kafka record headers carry. */
    public Map<String, byte[]> headerBytes() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        headers().forEach((name, value) -> bytes.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /**
     * Reads the attributes back from record headers, as a consumer sees them.
     *
     * @throws IllegalArgumentException naming the first missing or unsupported attribute
     */
    public static CloudEvents fromHeaders(Map<String, byte[]> headers) {
        String specVersion = text(headers, SPEC_VERSION);
        if (!SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new IllegalArgumentException("unsupported " + SPEC_VERSION + ": " + specVersion);
        }
        return new CloudEvents(text(headers, ID), text(headers, TYPE), text(headers, SOURCE),
                Instant.parse(text(headers, TIME)));
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
