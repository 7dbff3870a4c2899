package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON API whose items are found and mapped by configured JSON pointers, so a source such as the
 * US Federal Register documents API is added by configuration alone. Each item is mapped to the
 * push API's item shape and read by the same {@link ItemJson} rules; an item that does not map,
 * or whose date is absurd (before 1900, more than a day ahead), is skipped with a log line, the
 * rest of the response still counts.
 */
@Component
class JsonApiParser implements ItemParser {

    private static final Logger log = LoggerFactory.getLogger(JsonApiParser.class);

    private final JsonMapper json;

    /**
     * The service's mapper, with its size limits, but reading a property named twice as its last
     * value: the refusal of duplicates guards what clients send us, and a publisher's response is
     * not ours to reject whole for a field we never read.
     */
    JsonApiParser(JsonMapper json) {
        this.json = json.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    @Override
    public IngestProperties.Kind kind() {
        return IngestProperties.Kind.JSON;
    }

    @Override
    public List<NewsItem> parse(byte[] body, IngestProperties.Source source, Instant now) throws FetchException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new FetchException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode array = root.at(source.json().items());
        if (!array.isArray()) {
            throw new FetchException("JSON pointer '" + source.json().items() + "' does not point at an array");
        }
        List<NewsItem> items = new ArrayList<>();
        for (JsonNode node : array) {
            ObjectNode mapped = json.createObjectNode();
            for (Map.Entry<String, String> field : source.json().fieldPointers().entrySet()) {
                JsonNode value = node.at(field.getValue());
                if (!value.isMissingNode() && !value.isNull()) {
                    mapped.put(field.getKey(), value.isString() ? value.asString() : value.toString());
                }
            }
            if (source.json().publishedAtPattern() != null && mapped.hasNonNull("publishedAt")) {
                mapped.put("publishedAt", rewriteDate(mapped.get("publishedAt").asString(), source.json().publishedAtPattern()));
            }
            mapped.put("source", source.id());
            if (source.language() != null) {
                mapped.put("language", source.language());
            }
            try {
                items.add(ItemJson.read(mapped, "", source.id(), now));
            } catch (InvalidRequestException e) {
                log.warn("source {}: skipped an item that does not map: {}", source.id(), e.fieldErrors());
            }
        }
        return items;
    }

    /** The API's own date written as RFC 3339 (UTC unless it says otherwise), or as it was when it does not match. */
    private static String rewriteDate(String value, String pattern) {
        try {
            java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC);
            return Instant.from(format.parse(value)).toString();
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return value;
        }
    }
}
