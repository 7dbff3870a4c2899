package io.lodestone.service.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's reasons for refusing a body, as a client may read them: the JSON kind a field needs
 * ("a string", "an object") instead of the Java type it binds to. A message such as "Cannot
 * deserialize value of type `io.lodestone.alert.subscription.SubscriptionRequest` from Array value
 * (token `JsonToken.START_ARRAY`)" tells a caller what the service's classes are called, and
 * nothing it can act on; it reads "Cannot deserialize value of type an object from Array value".
 */
final class JsonMessages {

    /** A type in Jackson's back quotes: a qualified class, a primitive, or a class with generics or array brackets. */
    private static final Pattern TYPE = Pattern.compile("`((?:[a-zA-Z_$][\\w$]*\\.)*[a-zA-Z_$][\\w$]*)(?:<[^`]*>)?(\\[\\])?`");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)");

    private JsonMessages() {
    }

    static String forClients(String message) {
        if (message == null) {
            return "unreadable";
        }
        String withoutTokens = TOKEN.matcher(message).replaceAll("").replaceAll("not a valid (`[^`]+`) value", "not $1");
        Matcher type = TYPE.matcher(withoutTokens);
        StringBuilder out = new StringBuilder();
        while (type.find()) {
            String kind = type.group(2) != null ? "an array" : kind(type.group(1));
            type.appendReplacement(out, Matcher.quoteReplacement(kind == null ? type.group() : kind));
        }
        type.appendTail(out);
        return out.toString();
    }

    /** The JSON kind a Java type is read from; null for what is no type (a value Jackson quotes). */
    private static String kind(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return switch (simple) {
            case "String", "char", "Character" -> "a string";
            case "int", "long", "short", "byte", "double", "float", "Integer", "Long", "Short", "Byte", "Double",
                 "Float", "BigDecimal", "BigInteger", "Number" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "List", "Set", "Collection", "ArrayList", "LinkedHashSet", "HashSet", "SortedSet" -> "an array";
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> "a date-time (RFC 3339)";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "LocalTime" -> "a time (HH:MM)";
            case "Duration" -> "a duration (ISO 8601, e.g. PT5M)";
            case "ZoneId" -> "a time zone (e.g. Europe/Berlin)";
            case "UUID" -> "a UUID";
            case "URI", "URL" -> "a URL";
            case "Map", "JsonNode", "ObjectNode" -> "an object";
            default -> type.contains(".") || Character.isUpperCase(simple.charAt(0)) ? ownType(type) : null;
        };
    }

    /** One of the service's own types: an enum is read from one of its names, the rest from an object. */
    private static String ownType(String type) {
        try {
            Class<?> loaded = Class.forName(type, false, JsonMessages.class.getClassLoader());
            return loaded.isEnum() ? "one of the accepted values" : "an object";
        } catch (ClassNotFoundException | LinkageError e) {
            return "an object";
        }
    }
}
