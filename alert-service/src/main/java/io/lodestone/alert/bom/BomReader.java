package io.lodestone.alert.bom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an upload into raw rows, remembering the line each came from. CSV has a header row
 * naming documented columns in any order, and element content as {@code Nd=12.5;Dy=0.8} (grams
 * per unit). JSON is {@code {"name": …, "parts": [{…}, …]}} with the same columns in camelCase
 * and element content as an object.
 */
final class BomReader {

    /** The rows, the name the document gives (JSON only, may be null) and what could not be read. */
    record Read(String name, List<RawRow> rows, List<RowError> errors) {
    }

    private final JsonMapper json;

    BomReader(JsonMapper json) {
        this.json = json;
    }

    Read read(BomFormat format, String text) {
        return format == BomFormat.CSV ? csv(text) : json(text);
    }

    private static Read csv(String text) {
        List<CsvReader.Record> records;
        try {
            // the header and one part more than a bill may list: enough to say it lists too many
            records = CsvReader.read(text, record -> !isBlank(record) && !record.fields().get(0).startsWith("#"),
                    BomParser.MAX_PARTS + 1);
        } catch (IllegalArgumentException e) {
            return new Read(null, List.of(), List.of(new RowError(1, null, e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Read(null, List.of(), List.of(new RowError(1, null, "the file is empty: it needs a header row and at least one part")));
        }
        CsvReader.Record header = records.get(0);
        List<RowError> errors = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (String name : header.fields()) {
            if (errors.size() > BomParser.MAX_ERRORS) {
                break;
            }
            String clean = name.strip();
            Column column = Column.named(clean, BomFormat.CSV).orElse(null);
            if (column == null) {
                errors.add(new RowError(header.line(), clean, "is not a known column (known: " + known(BomFormat.CSV) + ")"));
            } else if (columns.contains(column)) {
                errors.add(new RowError(header.line(), clean, "appears twice in the header"));
            }
            columns.add(column);
        }
        if (!columns.contains(Column.PART_NUMBER) || !columns.contains(Column.ANNUAL_VOLUME)) {
            errors.add(new RowError(header.line(), null, "the header must name at least part_number and annual_volume"));
        }
        if (!errors.isEmpty()) {
            return new Read(null, List.of(), errors);
        }
        List<RawRow> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (errors.size() > BomParser.MAX_ERRORS) {
                break;
            }
            if (record.fields().size() > columns.size()) {
                errors.add(new RowError(record.line(), null, "has " + record.fields().size() + " cells but the header names "
                        + columns.size() + " columns"));
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            Map<String, String> elements = null;
            for (int i = 0; i < record.fields().size(); i++) {
                String value = record.fields().get(i).strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (columns.get(i) == Column.ELEMENT_CONTENT_G) {
                    elements = elementCells(value);
                    if (elements == null) {
                        errors.add(new RowError(record.line(), Column.ELEMENT_CONTENT_G.nameIn(BomFormat.CSV),
                                "must list element=grams pairs separated by ';', such as Nd=12.5;Dy=0.8"));
                        elements = Map.of();
                    }
                } else {
                    cells.put(columns.get(i), value);
                }
            }
            rows.add(new RawRow(record.line(), cells, elements));
        }
        return new Read(null, rows, errors);
    }

    /** {@code Nd=12.5;Dy=0.8} as symbol to text, or null when not in that form. */
    private static Map<String, String> elementCells(String value) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || elements.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()) != null) {
                return null;
            }
        }
        return elements.isEmpty() ? null : elements;
    }

    private Read json(String text) {
        List<RawRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        String name = null;
        boolean sawParts = false;
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Read(null, List.of(), List.of(new RowError(1, null, "must be a JSON object with name and parts")));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                JsonToken value = parser.nextToken();
                int line = parser.currentTokenLocation().getLineNr();
                if ("name".equals(property) && value == JsonToken.VALUE_STRING) {
                    name = parser.getString();
                } else if ("parts".equals(property) && value == JsonToken.START_ARRAY) {
                    sawParts = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (rows.size() > BomParser.MAX_PARTS || errors.size() > BomParser.MAX_ERRORS) {
                            // enough to refuse the bill: the rest is passed over, not built
                            parser.skipChildren();
                            continue;
                        }
                        int partLine = parser.currentTokenLocation().getLineNr();
                        JsonNode part = parser.readValueAsTree();
                        rows.add(jsonRow(partLine, part, errors));
                    }
                } else {
                    if (errors.size() <= BomParser.MAX_ERRORS) {
                        errors.add(new RowError(line, property, "is not a known property (known: name, parts)"));
                    }
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return new Read(name, List.of(), List.of(new RowError(line, null, "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (!sawParts) {
            errors.add(new RowError(1, "parts", "must be an array of parts"));
        }
        return new Read(name, rows, errors);
    }

    private static RawRow jsonRow(int line, JsonNode part, List<RowError> errors) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        Map<String, String> elements = null;
        if (!part.isObject()) {
            errors.add(new RowError(line, null, "a part must be a JSON object"));
            return new RawRow(line, cells, null);
        }
        for (Map.Entry<String, JsonNode> property : part.properties()) {
            Column column = Column.named(property.getKey(), BomFormat.JSON).orElse(null);
            JsonNode value = property.getValue();
            if (column == null) {
                errors.add(new RowError(line, property.getKey(), "is not a known column (known: " + known(BomFormat.JSON) + ")"));
            } else if (value.isNull()) {
                continue;
            } else if (column == Column.ELEMENT_CONTENT_G) {
                if (!value.isObject() || value.isEmpty()) {
                    errors.add(new RowError(line, property.getKey(), "must be an object of element to grams, such as {\"Nd\": 12.5}"));
                    continue;
                }
                elements = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> element : value.properties()) {
                    elements.put(element.getKey(), element.getValue().isValueNode() ? element.getValue().asString() : "");
                }
            } else if (value.isValueNode()) {
                if (!value.asString().isBlank()) {
                    cells.put(column, value.asString().strip());
                }
            } else {
                errors.add(new RowError(line, property.getKey(), "must be a string or a number"));
            }
        }
        return new RawRow(line, cells, elements);
    }

    private static boolean isBlank(CsvReader.Record record) {
        return record.fields().stream().allMatch(String::isBlank);
    }

    private static String known(BomFormat format) {
        StringBuilder names = new StringBuilder();
        for (Column column : Column.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(column.nameIn(format));
        }
        return names.toString();
    }
}
