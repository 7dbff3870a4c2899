package io.lodestone.alert.bom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a doubled quote inside
 * stands for one, and a quoted field may span lines), LF or CRLF line ends, a UTF-8 byte order
 * mark ignored, blank lines skipped. Each record keeps the line it started on, so errors can point
 * at it. Reading is bounded: it stops after a given number of kept records, and a record of more
 * than {@value #MAX_FIELDS} fields is refused, so a file of a few megabytes of newlines or commas
 * never becomes millions of objects.
 */
final class CsvReader {

    static final int MAX_FIELDS = 256;

    /** One record and the line (1-based) where it starts. */
    record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    /** Every record of the text. */
    static List<Record> read(String text) {
        return read(text, record -> true, Integer.MAX_VALUE);
    }

    /**
     * The records that {@code keeps} accepts, up to and including the {@code limit + 1}st; the rest
     * of the text is not read. The others (blank cells, comments) are neither kept nor counted: a
     * few megabytes of {@code " \n"} would otherwise be millions of records held at once.
     *
     * @throws IllegalArgumentException naming the line of an unterminated quote or of a record
     *                                  with too many fields
     */
    static List<Record> read(String text, Predicate<Record> keeps, int limit) {
        int counted = 0;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() >= MAX_FIELDS) {
                    throw new IllegalArgumentException("line " + recordLine + " has more than " + MAX_FIELDS + " cells");
                }
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!fields.isEmpty() || !field.isEmpty()) {
                    fields.add(field.toString());
                    field.setLength(0);
                    Record record = new Record(recordLine, List.copyOf(fields));
                    fields.clear();
                    if (keeps.test(record)) {
                        records.add(record);
                        if (++counted > limit) {
                            return records;
                        }
                    }
                }
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field that starts on line " + recordLine + " never ends");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            Record record = new Record(recordLine, List.copyOf(fields));
            if (keeps.test(record)) {
                records.add(record);
            }
        }
        return records;
    }
}
