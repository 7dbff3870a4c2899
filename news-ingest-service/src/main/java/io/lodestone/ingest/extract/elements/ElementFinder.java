package io.lodestone.ingest.extract.elements;

import io.lodestone.events.Element;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rule;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds where an item names tracked elements and element groups.
 * <ul>
 * <li>English names ("dysprosium"), aliases ("didymium" = Nd + Pr, "graphite" = C) and Chinese
 *     names in both scripts (镝/鏑; 钕铁硼 names Nd, 镨钕 names Pr and Nd) always count.</li>
 * <li>Symbols count only in chemical context: inside a formula ("Nd2Fe14B", "Tb4O7", "NdPr",
 *     "SmCo5", "GaN"), in a hyphenated alloy of distinct symbols ("Dy-Fe", "Sm-Co", "Al-Sc"), in a
 *     list of symbols that holds at least one unambiguous one ("Ho, Er, Tm and Yb"), or an
 *     unambiguous symbol followed by a trade word ("Dy oxide", "Tb prices"). "In", "Y", "Co", "Ce",
 *     "La", "Be", "Er", "Sc", "Ho", "Tm", "W", "Li", "Mo" … on their own are words, initials or
 *     names, never elements. Carbon in a formula is carbon, not graphite.</li>
 * <li>A product maps to the elements it is named after and no further: "NdFeB magnets" → Nd
 *     (Pr only if named), "samarium-cobalt" → Sm and Co; "rare-earth magnets" → groups only.
 *     Phrases such as "lithium-ion" or "cobalt blue" (element-exclusions.tsv) name no element.</li>
 * <li>Groups: "heavy rare earths" / 中重稀土 → HREE, "light rare earths" → LREE, "rare earths" /
 *     稀土 → REE; NdFeB and SmCo magnet words add the product groups.</li>
 * </ul>
 */
public final class ElementFinder {

    private static final Set<String> PERIODIC_TABLE = Set.of(("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca "
            + "Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba "
            + "La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U "
            + "Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og").split(" "));
    /** {@link #PERIODIC_TABLE} by first letter and second letter (26: none), for a lookup without a string. */
    private static final boolean[][] IN_PERIODIC_TABLE = new boolean[26][27];

    static {
        for (String symbol : PERIODIC_TABLE) {
            IN_PERIODIC_TABLE[symbol.charAt(0) - 'A'][symbol.length() == 1 ? 26 : symbol.charAt(1) - 'a'] = true;
        }
    }

    /** Symbols that are not ordinary words, initials or names in English news. */
    private static final Set<String> UNAMBIGUOUS = Set.of("Dy", "Tb", "Nd", "Pr", "Sm", "Eu", "Gd", "Yb", "Lu",
            "Ga", "Ge", "Sb", "Nb");

    /** A web address: the names in "…/tin-and-tantalum-exports" are a link's words, not mentions. */
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'，。；）)\\]]+", Pattern.CASE_INSENSITIVE);
    /** Tokens that parse as formulas but are abbreviations. */
    private static final Set<String> NOT_FORMULAS = Set.of("MoU", "MoUs", "CoV", "GeV", "TeV", "InSAR", "Y2K", "W3C",
            "NoC", "PoC", "CoC", "CoE", "BiH", "ScD");

    /**
     * A capitalised token, alone or joined by hyphens ("Nd-Fe-B"). Every repetition of a group here
     * has an upper bound: Java's regex engine recurses once per repetition of a group, and pushed
     * text may repeat one thousands of times ("A-B-A-B-…", "Nd/Pr/Nd/Pr/…").
     */
    private static final Pattern TOKEN =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*){0,7}(?![A-Za-z0-9])");
    private static final Pattern UNIT = Pattern.compile("([A-Z][a-z]?)(\\d*)");
    private static final Pattern TRADE_WORD = Pattern.compile(
            "^(?:\\s|-)(?:oxides?|metals?|alloys?|prices?|concentrates?|carbonates?|compounds?|magnets?|content|powders?"
                    + "|ingots?|exports?|imports?|supply|supplies|markets?|production|output|feedstock|spot|quotes?"
                    + "|based|per kg|/kg|氧化物|金属|金屬|价格|價格)\\b");

    /** English names and aliases, lower case, by first letter, longest first. */
    private final Map<Character, List<String>> namesByFirstLetter = new HashMap<>();
    /** The same lists indexed by character, for a lookup without boxing. */
    private final String[][] namesByFirstLetterIndex = new String[Character.MAX_VALUE + 1][];
    private final Map<String, List<String>> symbolsByName = new HashMap<>();
    private final Map<String, String> symbolByChineseName = new HashMap<>();
    private final Pattern symbolList;
    private final Rulebook exclusions;
    private final Dictionary<ElementGroup> groups;
    /** Chinese aliases (钠离子 for the lithium it replaces) by first character, longest first, and their symbols. */
    private final String[][] hanAliasesByFirst = new String[Character.MAX_VALUE + 1][];
    private final Map<String, List<String>> hanAliasSymbols = new HashMap<>();
    /** Chinese one-character names by character, for a lookup without boxing. */
    private final String[] symbolByChineseCharacter = new String[Character.MAX_VALUE + 1];
    /** Chinese two-character names (石墨) by their first character: the second character, then the symbol. */
    private final String[][] twoCharacterNamesByFirst = new String[Character.MAX_VALUE + 1][];

    public ElementFinder(Lexicon.Builder lexicon) {
        for (Element element : Elements.all()) {
            symbolsByName.put(element.name(), List.of(element.symbol()));
            symbolByChineseName.put(element.nameZhHans(), element.symbol());
            symbolByChineseName.put(element.nameZhHant(), element.symbol());
        }
        for (Dictionary.Row row : Dictionary.rows("element-aliases.tsv", 2)) {
            String alias = row.cell(0).toLowerCase(Locale.ROOT);
            List<String> symbols = List.of(row.cell(1).split(","));
            if (Character.UnicodeScript.of(alias.charAt(0)) == Character.UnicodeScript.HAN) {
                String[] known = hanAliasesByFirst[alias.charAt(0)];
                hanAliasesByFirst[alias.charAt(0)] = known == null ? new String[] {alias}
                        : Stream.concat(Stream.of(known), Stream.of(alias))
                                .sorted(Comparator.comparing(String::length).reversed()).toArray(String[]::new);
                hanAliasSymbols.put(alias, symbols);
            } else {
                symbolsByName.put(alias, symbols);
            }
        }
        for (String name : symbolsByName.keySet()) {
            namesByFirstLetter.computeIfAbsent(name.charAt(0), c -> new ArrayList<>()).add(name);
        }
        namesByFirstLetter.values().forEach(list -> list.sort(Comparator.comparing(String::length).reversed()));
        namesByFirstLetter.forEach((first, list) -> namesByFirstLetterIndex[first] = list.toArray(String[]::new));
        if (symbolByChineseName.keySet().stream().anyMatch(name -> name.length() > 2)) {
            throw new IllegalStateException("Chinese element names are expected to be one or two characters");
        }
        String symbols = Elements.all().stream().map(Element::symbol)
                .sorted(Comparator.comparing(String::length).reversed()).collect(Collectors.joining("|"));
        symbolList = Pattern.compile("(?<![A-Za-z0-9])(?:" + symbols + ")(?:\\s*(?:,\\s*and|,\\s*or|,|/|、|&|and|or)\\s*(?:"
                + symbols + ")){1,31}(?![A-Za-z0-9])"); // a longer list is read as lists of 32
        exclusions = Rulebook.load("element-exclusions.tsv", lexicon);
        List<ElementGroup> groupNames = new ArrayList<>();
        List<Rule> groupRules = new ArrayList<>();
        for (Dictionary.Row row : Dictionary.rows("groups.tsv", 3)) {
            groupNames.add(ElementGroup.valueOf(row.cell(0)));
            groupRules.add(Rule.of(row.cell(1), row.cell(2), row.where()));
        }
        groups = new Dictionary<>(groupNames, new Rulebook(lexicon, groupRules));
        symbolByChineseName.forEach((name, symbol) -> {
            if (name.length() == 1) {
                symbolByChineseCharacter[name.charAt(0)] = symbol;
            } else {
                String[] pairs = twoCharacterNamesByFirst[name.charAt(0)];
                int at = pairs == null ? 0 : pairs.length;
                pairs = pairs == null ? new String[2] : Arrays.copyOf(pairs, at + 2);
                pairs[at] = name.substring(1);
                pairs[at + 1] = symbol;
                twoCharacterNamesByFirst[name.charAt(0)] = pairs;
            }
        });
    }

    public List<Mention> find(Document document) {
        Map<Field, List<int[]>> excluded = new EnumMap<>(Field.class);
        Map<Field, List<Mention>> found = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            excluded.put(field, new ArrayList<>());
            found.put(field, new ArrayList<>());
        }
        exclusions.matches(document, false,
                (rule, sentence, start, end) -> excluded.get(sentence.field()).add(new int[] {start, end}));
        for (Field field : Field.values()) {
            String s = document.field(field);
            if (s.contains("://") || s.contains("www.")) {
                Matcher url = URL.matcher(s);
                while (url.find()) {
                    excluded.get(field).add(new int[] {url.start(), url.end()});
                }
            }
        }
        findGroups(document, found);
        List<Mention> mentions = new ArrayList<>();
        for (Field field : Field.values()) {
            String s = document.field(field);
            if (s.isEmpty()) {
                continue;
            }
            List<Mention> inField = found.get(field);
            findNames(field, s, document.folded(field), inField);
            findChineseNames(field, s, inField);
            findSymbols(field, s, inField);
            Spans excludedSpans = Spans.of(excluded.get(field));
            for (Mention mention : inField) {
                if (!excludedSpans.overlaps(mention.start(), mention.end())) {
                    mentions.add(mention);
                }
            }
        }
        mentions.sort(Comparator.comparing((Mention m) -> m.field() != Field.TITLE).thenComparingInt(Mention::start));
        return mentions;
    }

    /** English names and aliases as whole words, any case ("Dysprosium", "NATURAL GRAPHITE"). */
    private void findNames(Field field, String s, String lowerCased, List<Mention> out) {
        int i = 0;
        while (i < lowerCased.length()) {
            String[] candidates = namesByFirstLetterIndex[lowerCased.charAt(i)];
            String name = null;
            if (candidates != null && (i == 0 || !isLatinLetter(lowerCased.charAt(i - 1)))) {
                for (String candidate : candidates) {
                    int end = i + candidate.length();
                    if (lowerCased.startsWith(candidate, i) && (end == lowerCased.length()
                            || !isLatinLetter(lowerCased.charAt(end)))) {
                        name = candidate;
                        break;
                    }
                }
            }
            if (name == null) {
                i++;
                continue;
            }
            for (String symbol : symbolsByName.get(name)) {
                out.add(new Mention(symbol, false, field, i, i + name.length()));
            }
            i += name.length();
        }
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void findChineseNames(Field field, String s, List<Mention> out) {
        // every Chinese name is one character but 石墨 (graphite): a lookup per Han character
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x4E00) {
                continue;
            }
            String symbol = symbolByChineseCharacter[c];
            if (symbol != null) {
                out.add(new Mention(symbol, false, field, i, i + 1));
                continue;
            }
            String[] pairs = twoCharacterNamesByFirst[c];
            if (pairs == null || i + 1 >= s.length()) {
                continue;
            }
            for (int p = 0; p < pairs.length; p += 2) {
                if (pairs[p].charAt(0) == s.charAt(i + 1)) {
                    out.add(new Mention(pairs[p + 1], false, field, i, i + 2));
                    i++;
                    break;
                }
            }
        }
    }

    /**
     * Where an item names an element by a Chinese alias (钠离子 for the lithium it replaces): not
     * mentions of the element as {@link #find} gives them, only what a substitution replaces.
     */
    public List<Mention> implied(Document document) {
        List<Mention> implied = new ArrayList<>();
        for (Field field : Field.values()) {
            String s = document.field(field);
            for (int i = 0; i < s.length(); i++) {
                String alias = s.charAt(i) < 0x4E00 ? null : hanAliasAt(s, i);
                if (alias != null) {
                    for (String symbol : hanAliasSymbols.get(alias)) {
                        implied.add(new Mention(symbol, false, field, i, i + alias.length()));
                    }
                    i += alias.length() - 1;
                }
            }
        }
        return implied;
    }

    private String hanAliasAt(String s, int i) {
        String[] aliases = hanAliasesByFirst[s.charAt(i)];
        if (aliases != null) {
            for (String alias : aliases) {
                if (s.startsWith(alias, i)) {
                    return alias;
                }
            }
        }
        return null;
    }

    private void findSymbols(Field field, String s, List<Mention> out) {
        int bareSymbols = 0;
        int length = s.length();
        int start = 0;
        while (start < length) {
            // the tokens of TOKEN, found by hand: most are ordinary capitalised words, passed over
            // without a match object or a substring
            if (!isAsciiUpper(s.charAt(start)) || start > 0 && isAsciiLetterOrDigit(s.charAt(start - 1))) {
                start++;
                continue;
            }
            int end = tokenEnd(s, start);
            String token = hasFormulaPart(s, start, end) ? s.substring(start, end) : null;
            if (token != null && !NOT_FORMULAS.contains(token) && !fiscalPeriod(token)) {
                if (Elements.isTracked(token)) {
                    bareSymbols++;
                }
                for (String symbol : symbolsOf(token, s, end)) {
                    out.add(new Mention(symbol, false, field, start, end));
                }
            }
            start = end;
        }
        if (bareSymbols < 2) {
            return; // a list of symbols needs at least two
        }
        Matcher list = symbolList.matcher(s);
        while (list.find()) {
            List<String> members = new ArrayList<>();
            Matcher member = TOKEN.matcher(list.group());
            while (member.find()) {
                if (Elements.isTracked(member.group())) {
                    members.add(member.group());
                }
            }
            if (members.stream().distinct().count() >= 2 && members.stream().anyMatch(UNAMBIGUOUS::contains)) {
                for (String symbol : members) {
                    if (!symbol.equals("C")) {
                        out.add(new Mention(symbol, false, field, list.start(), list.end()));
                    }
                }
            }
        }
    }

    /**
     * A fiscal or calendar year ("FY2024", "CY25"): fluorine and yttrium, or carbon and yttrium,
     * to a formula reader. Checked by hand: it is asked of every formula-like token.
     */
    private static boolean fiscalPeriod(String token) {
        int length = token.length();
        if (length < 4 || length > 6 || (token.charAt(0) != 'F' && token.charAt(0) != 'C') || token.charAt(1) != 'Y') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The tracked elements a token of {@link #TOKEN} names, read by the rules of the class comment. */
    private static List<String> symbolsOf(String token, String s, int end) {
        List<String> symbols = alloy(token);
        if (symbols.isEmpty()) {
            symbols = new ArrayList<>();
            for (String part : token.split("-")) {
                symbols.addAll(formula(part));
            }
        }
        if (symbols.isEmpty() && UNAMBIGUOUS.contains(token)
                && TRADE_WORD.matcher(s.substring(end, Math.min(s.length(), end + 20))).find()) {
            symbols = List.of(token);
        }
        return symbols;
    }

    /** Where the token of {@link #TOKEN} that starts at {@code start} ends. */
    private static int tokenEnd(String s, int start) {
        int end = start + 1;
        while (end < s.length() && isAsciiLetterOrDigit(s.charAt(end))) {
            end++;
        }
        for (int joined = 0; joined < 7 && end + 1 < s.length() && s.charAt(end) == '-'
                && isAsciiUpper(s.charAt(end + 1)); joined++) {
            end += 2;
            while (end < s.length() && isAsciiLetterOrDigit(s.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    /**
     * Whether a hyphen-separated part of the token is made entirely of element symbols with
     * optional counts, the way {@link #UNIT} reads them: no formula, alloy or bare symbol is
     * possible otherwise.
     */
    private static boolean hasFormulaPart(String s, int start, int end) {
        int partStart = start;
        while (partStart < end) {
            int partEnd = s.indexOf('-', partStart);
            if (partEnd < 0 || partEnd > end) {
                partEnd = end;
            }
            if (isUnits(s, partStart, partEnd)) {
                return true;
            }
            partStart = partEnd + 1;
        }
        return false;
    }

    private static boolean isUnits(String s, int start, int end) {
        int position = start;
        while (position < end) {
            char first = s.charAt(position);
            if (!isAsciiUpper(first)) {
                return false;
            }
            char second = position + 1 < end && isAsciiLower(s.charAt(position + 1)) ? s.charAt(position + 1) : 0;
            if (!IN_PERIODIC_TABLE[first - 'A'][second == 0 ? 26 : second - 'a']) {
                return false;
            }
            position += second == 0 ? 1 : 2;
            while (position < end && s.charAt(position) >= '0' && s.charAt(position) <= '9') {
                position++;
            }
        }
        return end > start;
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiUpper(c) || isAsciiLower(c) || c >= '0' && c <= '9';
    }

    /** "Dy-Fe", "Sm-Co", "Nd-Fe-B": distinct bare symbols joined by hyphens, one of two letters. */
    private static List<String> alloy(String token) {
        if (!token.contains("-")) {
            return List.of();
        }
        String[] parts = token.split("-");
        Set<String> distinct = new LinkedHashSet<>(List.of(parts));
        if (distinct.size() != parts.length || !PERIODIC_TABLE.containsAll(distinct)
                || distinct.stream().noneMatch(p -> p.length() == 2)) {
            return List.of();
        }
        return distinct.stream().filter(p -> Elements.isTracked(p) && !p.equals("C")).toList();
    }

    /**
     * The tracked elements of a chemical formula ("Nd2Fe14B", "Tb4O7", "NdPr"): a token made
     * entirely of element symbols with optional counts, at least two of them, and with a lower-case
     * letter or a digit so that acronyms such as "CNN" or "BHP" are not read as chemistry.
     */
    private static List<String> formula(String token) {
        Matcher unit = UNIT.matcher(token);
        List<String> symbols = new ArrayList<>();
        int position = 0;
        while (position < token.length() && unit.find(position) && unit.start() == position) {
            if (!PERIODIC_TABLE.contains(unit.group(1))) {
                return List.of();
            }
            symbols.add(unit.group(1));
            position = unit.end();
        }
        boolean lowerCase = !token.equals(token.toUpperCase(Locale.ROOT));
        boolean digit = token.chars().anyMatch(Character::isDigit);
        if (position != token.length() || symbols.size() < 2 || !(lowerCase || digit)) {
            return List.of();
        }
        return symbols.stream().distinct().filter(p -> Elements.isTracked(p) && !p.equals("C")).toList();
    }

    private void findGroups(Document document, Map<Field, List<Mention>> out) {
        Map<Field, List<Mention>> geochemical = new EnumMap<>(Field.class);
        groups.rules().matches(document, false, (rule, sentence, start, end) -> {
            ElementGroup group = groups.entries().get(rule);
            Mention mention = new Mention(group.name(), true, sentence.field(), start, end);
            if (group.kind() == ElementGroup.Kind.GEOCHEMICAL) {
                geochemical.computeIfAbsent(sentence.field(), f -> new ArrayList<>()).add(mention);
            } else {
                out.get(sentence.field()).add(mention);
            }
        });
        // "heavy rare earths" is HREE, not REE as well: the longest of overlapping matches wins
        geochemical.forEach((field, mentions) -> {
            mentions.sort(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed());
            Spans.Disjoint taken = new Spans.Disjoint();
            for (Mention mention : mentions) {
                if (taken.take(mention.start(), mention.end())) {
                    out.get(field).add(mention);
                }
            }
        });
    }

}
