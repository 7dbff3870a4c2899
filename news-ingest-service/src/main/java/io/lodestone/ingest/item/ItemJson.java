package io.lodestone.ingest.item;

import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads the item shape shared by the push API and bulk import:
 * {@code {"id", "title", "text", "url", "publishedAt", "language", "source"}}, of which only
 * {@code title} or {@code text} is required. Every problem is reported with the field at fault,
 * prefixed with the item's position when items come in an array ({@code [2].publishedAt}).
 */
public final class ItemJson {

    private ItemJson() {
    }

    /**
     * @param node          one item
     * @param fieldPrefix   prefix for field names in errors ({@code ""} or {@code "[2]."})
     * @param defaultSource the source id to use when the item names none
     * @param now           the time used when the item has no {@code publishedAt}
     * @throws InvalidRequestException naming every bad field
     */
    public static NewsItem read(JsonNode node, String fieldPrefix, String defaultSource, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.field(fieldPrefix.isEmpty() ? "item" : stripDot(fieldPrefix),
                    "must be a JSON object");
        }
        String title = text(node, "title", fieldPrefix, errors);
        String body = text(node, "text", fieldPrefix, errors);
        if (isBlank(title) && isBlank(body)) {
            errors.put(fieldPrefix + "title", "title or text is required");
        }
        Instant publishedAt = instant(node, fieldPrefix, errors, now);
        String id = text(node, "id", fieldPrefix, errors);
        String url = text(node, "url", fieldPrefix, errors);
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            errors.put(fieldPrefix + "url", "must be an absolute http(s) URL");
        }
        String language = text(node, "language", fieldPrefix, errors);
        String source = text(node, "source", fieldPrefix, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The item has " + errors.size() + " invalid field(s).", errors);
        }
        return new NewsItem(isBlank(id) ? UUID.randomUUID().toString() : id.strip(),
                isBlank(source) ? defaultSource : source.strip(),
                PlainText.title(title), PlainText.text(body), url, publishedAt,
                isBlank(language) ? null : language.strip());
    }

    private static String text(JsonNode node, String field, String prefix, Map<String, String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.put(prefix + field, "must be a string");
            return null;
        }
        return value.asString();
    }

    private static Instant instant(JsonNode node, String prefix, Map<String, String> errors, Instant now) {
        String raw = text(node, "publishedAt", prefix, errors);
        if (isBlank(raw)) {
            return now;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(raw.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.put(prefix + "publishedAt", "must be an RFC 3339 date-time or an ISO date, was '" + raw + "'");
                return null;
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
