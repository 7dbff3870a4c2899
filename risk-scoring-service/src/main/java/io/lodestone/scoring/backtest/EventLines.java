package io.lodestone.scoring.backtest;

import io.lodestone.scoring.stream.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The input of a backtest: JSON lines of {@code SupplyEventDetected}, as the ingest service's
 * {@code extract} command writes them. Lines marked {@code "relevant": false} and lines that
 * {@code --dedupe} marked as a duplicate of an earlier story are skipped, as the live service
 * never sees them. Lines are kept as bytes: the topology parses them exactly as it parses records.
 */
final class EventLines {

    /** One input line with the event time used to order it. */
    record Line(int number, Instant publishedAt, String eventId, byte[] bytes) {
    }

    private static final Comparator<Line> EVENT_TIME_ORDER = Comparator.comparing(Line::publishedAt)
            .thenComparing(Line::eventId).thenComparingInt(Line::number);

    private EventLines() {
    }

    /** The lines to replay in event-time order, and how many were skipped. */
    record Input(List<Line> lines, int skipped) {
    }

    static Input read(Reader source) {
        List<Line> lines = new ArrayList<>();
        int skipped = 0;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(source)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node = tree(text);
                if (node != null && (isFalse(node.get("relevant")) || isSet(node.get("duplicateOf")))) {
                    skipped++;
                    continue;
                }
                lines.add(new Line(number, publishedAt(node), eventId(node), text.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(EVENT_TIME_ORDER);
        return new Input(lines, skipped);
    }

    private static JsonNode tree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }

    private static boolean isSet(JsonNode node) {
        return node != null && !node.isNull();
    }

    /** Event time of the line; unreadable ones sort first and the topology sends them to the DLT. */
    private static Instant publishedAt(JsonNode node) {
        if (node == null || node.get("publishedAt") == null || !node.get("publishedAt").isString()) {
            return Instant.MIN;
        }
        try {
            return Instant.parse(node.get("publishedAt").asString());
        } catch (RuntimeException e) {
            return Instant.MIN;
        }
    }

    private static String eventId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("eventId");
        return id == null || !id.isString() ? "" : id.asString();
    }
}
