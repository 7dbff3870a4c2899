package io.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds named things from a list: countries (countries.tsv: a code and its names, adjectives,
 * capitals and regions) and companies (companies.tsv: a canonical name and its aliases). Latin
 * names match case-sensitively as whole words, the longest first, so "Inner Mongolia" is China
 * and "North Korea" is not South Korea. For companies not in the list, "Acme Metals Corp",
 * "Foo Resources Ltd" and the like are taken as written.
 */
final class Gazetteer {

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\b((?:[A-Z][A-Za-z0-9&'.-]*\\s){1,4})(Corp(?:oration)?\\.?|Ltd\\.?|Limited|Inc\\.?|plc|PLC|LLC|AG|GmbH|S\\.A\\.|N\\.V\\.)(?![A-Za-z])");
    private static final Set<String> NOT_A_NAME_START = Set.of("The", "A", "An", "In", "On", "At", "For", "By", "And",
            "Of", "With", "From", "As", "But", "Its", "Their", "Shares", "Chinese", "China's");

    private final Pattern pattern;
    private final Map<String, List<String>> canonical = new HashMap<>();
    private final boolean legalForms;

    private Gazetteer(List<String[]> rows, boolean legalForms) {
        this.legalForms = legalForms;
        Set<String> alternatives = new LinkedHashSet<>();
        for (String[] row : rows) {
            for (String name : row[1].strip().split("\\|")) {
                canonical.computeIfAbsent(name, n -> new ArrayList<>()).add(row[0].strip());
                alternatives.add(Pattern.quote(name));
            }
        }
        String union = alternatives.stream()
                .sorted(Comparator.comparing(String::length).reversed().thenComparing(s -> s))
                .collect(Collectors.joining("|"));
        pattern = Pattern.compile("(?<![A-Za-z0-9])(?:" + union + ")(?![A-Za-z0-9])");
    }

    static Gazetteer countries() {
        return new Gazetteer(Dictionary.rows("countries.tsv", 2), false);
    }

    static Gazetteer companies() {
        return new Gazetteer(Dictionary.rows("companies.tsv", 2), true);
    }

    /** Where the listed names stand in {@code s}, as start and end offsets. */
    List<int[]> spans(String s) {
        List<int[]> spans = new ArrayList<>();
        if (s != null) {
            Matcher m = pattern.matcher(s);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }

    /** The canonical names found, in order of first appearance. */
    List<String> find(String... fields) {
        Set<String> found = new LinkedHashSet<>();
        for (String s : fields) {
            if (s == null) {
                continue;
            }
            List<int[]> taken = new ArrayList<>();
            Matcher m = pattern.matcher(s);
            while (m.find()) {
                found.addAll(canonical.get(m.group()));
                taken.add(new int[] {m.start(), m.end()});
            }
            if (legalForms) {
                Matcher legal = LEGAL_FORM.matcher(s);
                while (legal.find()) {
                    if (!ElementFinder.overlapsAny(legal.start(), legal.end(), taken)) {
                        String name = trimLeadingWords(legal.group().strip());
                        if (name != null) {
                            found.add(name);
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static String trimLeadingWords(String name) {
        String[] words = name.split("\\s+");
        int first = 0;
        while (first < words.length - 1 && NOT_A_NAME_START.contains(words[first])) {
            first++;
        }
        if (first >= words.length - 1) {
            return null;
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
    }
}
