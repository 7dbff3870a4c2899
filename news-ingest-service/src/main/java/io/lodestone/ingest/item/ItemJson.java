package io.lodestone.ingest.item;

import io.lodestone.service.api.ControlCharacters;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.security.LogSafe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the item shape shared by the push API and bulk import:
 * {@code {"id", "title", "text", "url", "publishedAt", "language", "source"}}, of which only
 * {@code title} or {@code text} is required. Every problem is reported with the field at fault,
 * prefixed with the item's position when items come in an array ({@code [2].publishedAt}).
 * Every field is bounded before anything parses it: lengths ({@link #MAX_RAW_TEXT} and the
 * others below), the publication date ({@link PublicationDates}), and the shape of ids, sources
 * and languages, which reach logs and event ids and so may carry no control characters. Neither
 * may a {@code url}: it travels with the event to every service downstream, and alert-service keeps
 * it in PostgreSQL, which cannot store U+0000.
 */
public final class ItemJson {

    /** Longest {@code text} accepted, in characters, before markup is stripped (the kept text is {@link PlainText#MAX_TEXT}). */
    public static final int MAX_RAW_TEXT = 200_000;
    /** Longest {@code title} accepted, before markup is stripped. */
    public static final int MAX_RAW_TITLE = 2_000;
    /** Longest {@code id} accepted. */
    public static final int MAX_ID = 500;
    /** Longest {@code url} accepted. */
    public static final int MAX_URL = 2_000;
    private static final int MAX_DATE = 64;
    /** What a {@code source} may look like: the shape of configured source ids. */
    public static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

    private ItemJson() {
    }

    /** Reads an item whose {@code source} may be any well-formed id. */
    public static NewsItem read(JsonNode node, String fieldPrefix, String defaultSource, Instant now) {
        return read(node, fieldPrefix, defaultSource, now, Set.of());
    }

    /**
     * @param node          one item
     * @param fieldPrefix   prefix for field names in errors ({@code ""} or {@code "[2]."})
     * @param defaultSource the source id to use when the item names none
     * @param now           the clock the item's date is checked against; an item without
     *                      {@code publishedAt} stays undated (it must not move any story clock)
     * @param reservedSources source ids the item may not claim (configured sources, for items pushed by callers)
     * @throws InvalidRequestException naming every bad field
     */
    public static NewsItem read(JsonNode node, String fieldPrefix, String defaultSource, Instant now,
            Set<String> reservedSources) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.field(fieldPrefix.isEmpty() ? "item" : stripDot(fieldPrefix),
                    "must be a JSON object");
        }
        String title = bounded(node, "title", MAX_RAW_TITLE, fieldPrefix, errors);
        String body = bounded(node, "text", MAX_RAW_TEXT, fieldPrefix, errors);
        if (isBlank(title) && isBlank(body) && !errors.containsKey(fieldPrefix + "title")
                && !errors.containsKey(fieldPrefix + "text")) {
            errors.put(fieldPrefix + "title", "title or text is required");
        }
        Instant publishedAt = instant(node, fieldPrefix, errors, now);
        String id = bounded(node, "id", MAX_ID, fieldPrefix, errors);
        if (id != null && !ControlCharacters.fitOneLine(id)) {
            errors.put(fieldPrefix + "id", "must not contain control characters");
        }
        String url = bounded(node, "url", MAX_URL, fieldPrefix, errors);
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            errors.put(fieldPrefix + "url", "must be an absolute http(s) URL");
        } else if (url != null && !ControlCharacters.fitOneLine(url)) {
            errors.put(fieldPrefix + "url", "must not contain control characters");
        }
        String language = text(node, "language", fieldPrefix, errors);
        if (!isBlank(language) && !LANGUAGE.matcher(language.strip()).matches()) {
            errors.put(fieldPrefix + "language", "must be a BCP 47 language tag such as en or zh-Hans");
        }
        String source = text(node, "source", fieldPrefix, errors);
        if (!isBlank(source) && !SOURCE.matcher(source.strip()).matches()) {
            errors.put(fieldPrefix + "source", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        } else if (!isBlank(source) && reservedSources.contains(source.strip())) {
            errors.put(fieldPrefix + "source", "'" + source.strip() + "' is a configured source; pushed items "
                    + "cannot claim to come from it");
        }
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

    /** The field's text, or null with an error when it is longer than {@code max} characters. */
    private static String bounded(JsonNode node, String field, int max, String prefix, Map<String, String> errors) {
        String value = text(node, field, prefix, errors);
        if (value != null && value.length() > max) {
            errors.put(prefix + field, "must be at most " + max + " characters, was " + value.length());
            return null;
        }
        return value;
    }

    private static Instant instant(JsonNode node, String prefix, Map<String, String> errors, Instant now) {
        String raw = bounded(node, "publishedAt", MAX_DATE, prefix, errors);
        if (isBlank(raw)) {
            return null;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                parsed = LocalDate.parse(raw.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.put(prefix + "publishedAt", "must be an RFC 3339 date-time or an ISO date, was '"
                        + LogSafe.escape(raw) + "'");
                return null;
            }
        }
        Optional<String> problem = PublicationDates.problem(parsed, now);
        problem.ifPresent(p -> errors.put(prefix + "publishedAt", p + ", was '" + LogSafe.escape(raw.strip()) + "'"));
        return problem.isPresent() ? null : parsed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
