package io.lodestone.ingest.extract.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dictionary file under {@code extract/} on the classpath, loaded: the typed entries of its
 * lines and the rules that find them ({@code entries.get(i)} is what rule {@code i} stands for).
 * Files are tab-separated, one entry a line; {@code #} starts a comment line and blank lines are
 * skipped. A line {@code @name <TAB> text} names a piece of a pattern (a word list several rows
 * share, such as the words that make a tariff an electricity price rather than a trade measure),
 * and {@code {@name}} in any cell of a later line of the same file stands for it, so a list is
 * written once and mended in one place. A file that cannot be read, a line with too few columns,
 * or a name used before it is defined fails at start-up rather than silently weakening extraction.
 */
public record Dictionary<T>(List<T> entries, Rulebook rules) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern USE = Pattern.compile("\\{@([^}]*)}");

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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return rows(reader, resource, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The rows of a dictionary's text, named {@code resource} in errors. */
    static List<Row> rows(BufferedReader reader, String resource, int columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, String> named = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                define(line, resource + ":" + number, named);
                continue;
            }
            String[] cells = line.split("\t", columns);
            if (cells.length != columns) {
                throw new IllegalStateException(resource + ":" + number + " needs " + columns + " tab-separated columns");
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = substitute(cells[i], named, resource + ":" + number);
            }
            rows.add(new Row(cells, resource + ":" + number));
        }
        return rows;
    }

    /** Reads {@code @name <TAB> text}; a name is defined once per file. */
    private static void define(String line, String where, Map<String, String> named) {
        String[] cells = line.substring(1).split("\t", 2);
        String name = cells[0].strip();
        if (cells.length != 2 || !NAME.matcher(name).matches()) {
            throw new IllegalStateException(where + ": a definition is @name, a tab, and its text (name in lower case, digits and -)");
        }
        if (named.putIfAbsent(name, substitute(cells[1].strip(), named, where)) != null) {
            throw new IllegalStateException(where + ": @" + name + " is defined twice");
        }
    }

    /** The cell with each {@code {@name}} replaced by its definition. */
    private static String substitute(String cell, Map<String, String> named, String where) {
        if (!cell.contains("{@")) {
            return cell;
        }
        Matcher use = USE.matcher(cell);
        StringBuilder out = new StringBuilder();
        while (use.find()) {
            String text = named.get(use.group(1));
            if (text == null) {
                throw new IllegalStateException(where + ": {@" + use.group(1) + "} is used before it is defined");
            }
            use.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        use.appendTail(out);
        return out.toString();
    }
}
