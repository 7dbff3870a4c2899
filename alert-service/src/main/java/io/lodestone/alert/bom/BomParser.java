package io.lodestone.alert.bom;

import io.lodestone.alert.StoredText;
import io.lodestone.events.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a whole upload and names every bad cell by line and column, so a buyer fixes them in one
 * go. A part has a part number (unique in the file), an annual volume, and either a magnet (type,
 * grade the composition table knows, mass in grams per unit) or element content in grams per unit,
 * never both.
 */
public final class BomParser {

    static final int MAX_PARTS = 2000;
    static final int MAX_ERRORS = 100;
    static final int MAX_PART_NUMBER = 64;
    static final int MAX_DESCRIPTION = 200;
    static final long MAX_ANNUAL_VOLUME = 100_000_000L;
    static final double MAX_GRAMS = 100_000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][a-z]?");

    /** A checked upload: its parts and the name the document gave, if any. */
    public record Parsed(String name, List<Part> parts) {
    }

    private final BomReader reader;
    private final CompositionTable table;
    private final Set<String> knownElements;

    public BomParser(JsonMapper json, CompositionTable table) {
        this.reader = new BomReader(json);
        this.table = table;
        Set<String> known = new HashSet<>();
        Elements.all().forEach(e -> known.add(e.symbol()));
        table.grades().forEach(g -> known.addAll(g.percentByMass().keySet()));
        this.knownElements = Set.copyOf(known);
    }

    /** @throws InvalidBomException listing every bad cell (at most {@value #MAX_ERRORS}) */
    public Parsed parse(BomFormat format, String text) {
        BomReader.Read read = reader.read(format, text);
        List<RowError> errors = new ArrayList<>(read.errors());
        if (read.rows().isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, null, "the bill of materials lists no parts"));
        }
        if (read.rows().size() > MAX_PARTS) {
            errors.add(new RowError(read.rows().get(MAX_PARTS).line(), null, "a bill of materials may list at most "
                    + MAX_PARTS + " parts"));
        }
        List<Part> parts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RawRow row : read.rows()) {
            Part part = part(row, format, errors);
            if (part == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(part.partNumber(), row.line());
            if (first != null) {
                errors.add(new RowError(row.line(), Column.PART_NUMBER.nameIn(format),
                        "repeats part number " + part.partNumber() + " of line " + first));
            }
            parts.add(part);
        }
        if (!errors.isEmpty()) {
            throw new InvalidBomException(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return new Parsed(read.name(), List.copyOf(parts));
    }

    private Part part(RawRow row, BomFormat format, List<RowError> errors) {
        int before = errors.size();
        Cells cells = new Cells(row, format, errors);
        String partNumber = cells.text(Column.PART_NUMBER, MAX_PART_NUMBER, true);
        String description = cells.text(Column.DESCRIPTION, MAX_DESCRIPTION, false);
        Long volume = cells.wholeNumber(Column.ANNUAL_VOLUME, MAX_ANNUAL_VOLUME);
        boolean hasMagnet = row.cells().containsKey(Column.MAGNET_TYPE) || row.cells().containsKey(Column.MAGNET_GRADE)
                || row.cells().containsKey(Column.MAGNET_MASS_G);
        Part.Magnet magnet = null;
        Map<String, Double> elements = null;
        if (hasMagnet && row.elements() != null) {
            errors.add(new RowError(row.line(), Column.ELEMENT_CONTENT_G.nameIn(format),
                    "give either a magnet (magnet type, grade and mass) or the element content, not both"));
        } else if (hasMagnet) {
            magnet = magnet(cells);
        } else if (row.elements() != null) {
            elements = elements(row, format, errors);
        } else {
            errors.add(new RowError(row.line(), Column.MAGNET_GRADE.nameIn(format),
                    "is missing: give a magnet (magnet type, grade and mass) or the element content"));
        }
        return errors.size() > before ? null : new Part(row.line(), partNumber, description, volume, magnet, elements);
    }

    private Part.Magnet magnet(Cells cells) {
        String typeText = cells.text(Column.MAGNET_TYPE, 20, true);
        MagnetType type = typeText == null ? null : MagnetType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            cells.problem(Column.MAGNET_TYPE, "must be NdFeB or SmCo, was " + quoted(typeText));
        }
        String gradeText = cells.text(Column.MAGNET_GRADE, 20, true);
        MagnetGrade grade = null;
        if (type != null && gradeText != null) {
            MagnetGrade.Result result = MagnetGrade.parse(type, gradeText);
            grade = result.grade();
            if (grade == null) {
                cells.problem(Column.MAGNET_GRADE, quoted(gradeText) + " " + result.problem());
            } else if (table.fractions(grade).isEmpty()) {
                cells.problem(Column.MAGNET_GRADE, quoted(gradeText) + " is not in composition table " + table.version());
                grade = null;
            }
        }
        Double mass = cells.grams(Column.MAGNET_MASS_G, cells.row.cells().get(Column.MAGNET_MASS_G), true);
        return grade == null || mass == null ? null : new Part.Magnet(grade, mass);
    }

    private Map<String, Double> elements(RawRow row, BomFormat format, List<RowError> errors) {
        Map<String, Double> grams = new LinkedHashMap<>();
        Cells cells = new Cells(row, format, errors);
        row.elements().forEach((symbol, text) -> {
            if (!SYMBOL.matcher(symbol).matches() || !knownElements.contains(symbol)) {
                cells.problem(Column.ELEMENT_CONTENT_G, quoted(symbol) + " is not an element symbol Lodestone knows (such as Nd, Dy, Co)");
                return;
            }
            Double value = cells.grams(Column.ELEMENT_CONTENT_G, text, true);
            if (value != null) {
                grams.put(symbol, value);
            }
        });
        return grams;
    }

    private static String quoted(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /** The cells of one row, each read with a message naming its line and column when it is bad. */
    private static final class Cells {
        private final RawRow row;
        private final BomFormat format;
        private final List<RowError> errors;

        Cells(RawRow row, BomFormat format, List<RowError> errors) {
            this.row = row;
            this.format = format;
            this.errors = errors;
        }

        void problem(Column column, String message) {
            errors.add(new RowError(row.line(), column.nameIn(format), message));
        }

        String text(Column column, int max, boolean required) {
            String value = row.cells().get(column);
            if (value == null) {
                if (required) {
                    problem(column, "is missing");
                }
                return null;
            }
            if (value.length() > max || StoredText.lineProblem(value).isPresent()) {
                problem(column, "must be at most " + max + " characters on one line");
                return null;
            }
            return value;
        }

        Long wholeNumber(Column column, long max) {
            String value = row.cells().get(column);
            if (value == null) {
                problem(column, "is missing");
                return null;
            }
            try {
                long number = Long.parseLong(value.replace("_", ""));
                if (number >= 1 && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            problem(column, "must be a whole number of units per year from 1 to " + max + ", was " + quoted(value));
            return null;
        }

        Double grams(Column column, String value, boolean required) {
            if (value == null) {
                if (required) {
                    problem(column, "is missing");
                }
                return null;
            }
            try {
                double grams = Double.parseDouble(value);
                if (grams > 0 && grams <= MAX_GRAMS && Double.isFinite(grams)) {
                    return grams;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            problem(column, "must be grams per unit, more than 0 and at most " + (long) MAX_GRAMS + ", was " + quoted(value));
            return null;
        }
    }
}
