package io.lodestone.ingest.extract.elements;

import io.lodestone.ingest.extract.dictionary.Dictionary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds named things from a list: countries (countries.tsv: a code and its names, adjectives,
 * capitals and regions) and companies (companies.tsv: a canonical name and its aliases). Names
 * match case-sensitively, never inside a Latin word, the longest first, so "Inner Mongolia" is China
 * and "North Korea" is not South Korea. For companies not in the list, "Acme Metals Corp",
 * "Foo Resources Ltd" and the like are taken as written.
 */
public final class Gazetteer {

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\b((?:[A-Z][A-Za-z0-9&'.-]*\\s){1,4})(Corp(?:oration)?\\.?|Ltd\\.?|Limited|Inc\\.?|plc|PLC|LLC|AG|GmbH|S\\.A\\.|N\\.V\\.)(?![A-Za-z])");
    private static final Set<String> NOT_A_NAME_START = Set.of("The", "A", "An", "In", "On", "At", "For", "By", "And",
            "Of", "With", "From", "As", "But", "Its", "Their", "Shares", "Chinese", "China's");

    /** Names by their first character, longest first, so the longest name at a position wins. */
    private final Map<Character, List<String>> byFirstCharacter = new HashMap<>();
    /** The same lists indexed by character, for a lookup without boxing. */
    private final String[][] byFirstCharacterIndex = new String[Character.MAX_VALUE + 1][];
    private final Map<String, List<String>> canonical = new HashMap<>();
    private final boolean legalForms;

    private Gazetteer(List<Dictionary.Row> rows, boolean legalForms) {
        this.legalForms = legalForms;
        for (Dictionary.Row row : rows) {
            for (String name : row.cell(1).split("\\|")) {
                List<String> codes = canonical.computeIfAbsent(name, n -> new ArrayList<>());
                if (!codes.contains(row.cell(0))) {
                    codes.add(row.cell(0));
                }
                List<String> names = byFirstCharacter.computeIfAbsent(name.charAt(0), c -> new ArrayList<>());
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        byFirstCharacter.values().forEach(names -> names.sort(Comparator.comparing(String::length).reversed()));
        byFirstCharacter.forEach((first, list) -> byFirstCharacterIndex[first] = list.toArray(String[]::new));
    }

    /**
     * Listed names as whole words (no Latin letter or digit either side of a name's Latin end),
     * longest first, left to right. A Chinese name has no word boundary to respect: 华友钴业3月20日
     * names the company as 华友钴业公告 does.
     */
    private List<int[]> matches(String s, List<String> found) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            String[] names = byFirstCharacterIndex[s.charAt(i)];
            String name = null;
            if (names != null && (i == 0 || !isWordCharacter(s.charAt(i - 1)) || !isWordCharacter(s.charAt(i)))) {
                for (String candidate : names) {
                    int end = i + candidate.length();
                    if (s.startsWith(candidate, i) && (end == s.length() || !isWordCharacter(s.charAt(end))
                            || !isWordCharacter(candidate.charAt(candidate.length() - 1)))) {
                        name = candidate;
                        break;
                    }
                }
            }
            if (name == null) {
                i++;
            } else {
                spans.add(new int[] {i, i + name.length()});
                if (found != null) {
                    found.add(name);
                }
                i += name.length();
            }
        }
        return spans;
    }

    private static boolean isWordCharacter(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    public static Gazetteer countries() {
        return new Gazetteer(Dictionary.rows("countries.tsv", 2), false);
    }

    public static Gazetteer companies() {
        return new Gazetteer(Dictionary.rows("companies.tsv", 2), true);
    }

    /** Where the listed names stand in {@code s}, as start and end offsets. */
    public List<int[]> spans(String s) {
        return s == null ? List.of() : matches(s, null);
    }

    /** The canonical names found, in order of first appearance. */
    public List<String> find(String... fields) {
        Set<String> found = new LinkedHashSet<>();
        for (String s : fields) {
            if (s == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Spans taken = Spans.of(matches(s, names));
            names.forEach(name -> found.addAll(canonical.get(name)));
            if (legalForms && (s.contains("Corp") || s.contains("Ltd") || s.contains("Inc") || s.contains("Limited")
                    || s.contains("plc") || s.contains("PLC") || s.contains("LLC") || s.contains("AG") || s.contains("GmbH")
                    || s.contains("S.A.") || s.contains("N.V."))) {
                Matcher legal = LEGAL_FORM.matcher(s);
                while (legal.find()) {
                    if (!taken.overlaps(legal.start(), legal.end())) {
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
