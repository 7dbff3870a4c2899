package io.lodestone.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated dictionary files under {@code extract/} on the classpath: one entry a
 * line, {@code #} starts a comment line, blank lines are skipped. A file that cannot be read, or a
 * line with too few columns, fails at start-up rather than silently weakening extraction.
 */
final class Dictionary {

    private Dictionary() {
    }

    static List<String[]> rows(String name, int columns) {
        String resource = "extract/" + name;
        InputStream in = Dictionary.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing dictionary " + resource);
        }
        List<String[]> rows = new ArrayList<>();
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
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
