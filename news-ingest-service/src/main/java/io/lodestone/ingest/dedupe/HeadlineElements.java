package io.lodestone.ingest.dedupe;

import io.lodestone.events.Element;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The elements a headline names, in English or Chinese: element names from the element catalogue
 * and group names ("rare earths", 稀土) from {@value #TABLE}. A headline says what a report is
 * about, where its body may name other metals as background or history, so two reports whose
 * headlines name disjoint elements are two events (a rare-earth suspension and a gallium one
 * announced the same week), however much of each other's story their bodies retell.
 */
final class HeadlineElements {

    static final String TABLE = "dedupe/headline-groups.tsv";

    /** English names (lower case) and Chinese names (simplified) → element symbol or group name. */
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Pattern LATIN;
    private static final int LONGEST_HAN;

    static {
        List<String> latin = new ArrayList<>();
        for (Element element : Elements.all()) {
            latin.add(put(element.name(), element.symbol()));
            if (element.nameZhHans() != null) {
                NAMES.put(HanFold.fold(element.nameZhHans()), element.symbol());
            }
            if (element.nameZhHant() != null) {
                NAMES.put(HanFold.fold(element.nameZhHant()), element.symbol());
            }
        }
        for (String[] row : rows()) {
            String group = ElementGroup.valueOf(row[0].strip()).name();
            for (String name : row[1].split(",")) {
                if (!name.isBlank()) {
                    latin.add(put(name.strip(), group));
                }
            }
            for (String name : row[2].split(",")) {
                if (!name.isBlank()) {
                    NAMES.put(HanFold.fold(name.strip()), group);
                }
            }
        }
        latin.sort(Comparator.comparingInt(String::length).reversed());
        LATIN = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", latin.stream().map(Pattern::quote).toList())
                + ")s?(?![\\p{L}\\p{N}])");
        LONGEST_HAN = NAMES.keySet().stream().filter(n -> !n.isEmpty() && isHan(n.codePointAt(0)))
                .mapToInt(String::length).max().orElse(1);
    }

    private HeadlineElements() {
    }

    /** Element symbols and group names ({@code REE}) the headline names, in order of first mention. */
    static Set<String> of(String title) {
        Set<String> named = new LinkedHashSet<>();
        if (title == null || title.isBlank()) {
            return named;
        }
        String s = HanFold.fold(title.toLowerCase(Locale.ROOT).replace('-', ' '));
        Matcher latin = LATIN.matcher(s);
        while (latin.find()) {
            named.add(NAMES.get(latin.group(1)));
        }
        for (int start = 0; start < s.length(); start++) {
            if (!isHan(s.charAt(start))) {
                continue;
            }
            for (int end = Math.min(s.length(), start + LONGEST_HAN); end > start; end--) {
                String name = NAMES.get(s.substring(start, end));
                if (name != null) {
                    named.add(name);
                    start = end - 1;
                    break;
                }
            }
        }
        return named;
    }

    private static String put(String name, String named) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', ' ');
        NAMES.put(key, named);
        return key;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = HeadlineElements.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + TABLE);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(TABLE + ": want group, English names, Chinese names: " + line);
                }
                rows.add(columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
