package io.lodestone.ingest.extract.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary file under {@code extract/} on the classpath, loaded: the typed entries of its
 * lines and the rules that find them ({@code entries.get(i)} is what rule {@code i} stands for).
 * Files are tab-separated, one entry a line; {@code #} starts a comment line and blank lines are
 * skipped. A file that cannot be read, or a line with too few columns, fails at start-up rather
 * than silently weakening extraction.
 */
public record Dictionary<T>(List<T> entries, Rulebook rules) {

    /** One line of a file, split into its cells. */
    public record Row(String[] cells, String where) {
        public String cell(int i) {
            return cells[i].strip();
        }
    }

    public static List<Row> rows(String name, int columns) {
        String resource = "extract/" + name;
        InputStream in = Dictionary.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing dictionary " + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", columns);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ":" + number + " needs " + columns + " tab-separated columns");
                }
                rows.add(new Row(cells, resource + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
