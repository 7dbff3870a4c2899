package io.lodestone.ingest.dedupe;

import io.lodestone.ingest.item.SparseMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a story's text is compared by.
 * <ul>
 * <li><b>Terms</b> with their counts: Latin words in lower case without function words and with a
 *     plural {@code s} removed, and Han characters as bigrams after folding traditional to
 *     simplified ({@link HanFold}). Title terms count twice. Only the {@value #MAX_TERMS} most
 *     frequent are kept, so a long article costs no more than a short one.</li>
 * <li><b>Figures</b> that identify an event across outlets and languages: announcement numbers
 *     ({@code No. 70}, {@code 第70号}), percentages, amounts with a unit or currency, and days of
 *     the year ({@code November 10}, {@code 11月10日}), which name deadlines and effective dates
 *     in any language. They are read after full-width characters are made plain and Chinese
 *     numerals (simplified or traditional) written in digits, and amounts with their scale
 *     applied, so "$400 million" and "4亿美元", "28.7%" and "百分之二十八點七" agree. Bare numbers
 *     are not figures, so years in the text never are; a year in the headline is kept apart, to
 *     tell this year's edition of a recurring notice from last year's, and so are the elements
 *     the headline names ({@link HeadlineElements}), which say what the report is about.</li>
 * </ul>
 */
final class StoryText {

    static final int MAX_TERMS = 200;
    static final int MAX_FIGURES = 24;
    /** Longer runs of letters are not words (a pasted hash, a spammer's string) and are not terms. */
    static final int MAX_WORD = 40;
    /** Longer figures are not amounts anyone writes; they are not kept. */
    static final int MAX_FIGURE = 48;
    private static final int TITLE_WEIGHT = 2;

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "was", "were", "has", "have",
            "had", "its", "it's", "this", "that", "these", "those", "with", "from", "into", "onto", "over", "under",
            "about", "after", "before", "again", "also", "among", "because", "been", "being", "between", "could",
            "does", "did", "during", "each", "more", "most", "other", "said", "says", "same", "should", "some",
            "such", "than", "their", "them", "then", "there", "they", "through", "until", "very", "what", "when",
            "where", "which", "while", "will", "would", "who", "whom", "whose", "can", "may", "might", "must",
            "not", "but", "nor", "all", "any", "both", "few", "our", "out", "his", "her", "she", "him", "you",
            "your", "per", "via", "how", "why", "new", "one", "two", "three", "year", "years", "month", "months",
            "week", "day", "days", "told", "reported", "according", "report", "news", "reuters", "just", "like",
            "only", "own", "now", "yet", "still", "even", "much", "many", "well", "here", "off", "too",
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "(?i)(?:\\bno\\.?\\s*|\\bnumber\\s+)(\\d{1,4})(?!\\d)|第\\s*(\\d{1,4})\\s*[号號]");
    /*
     * Figure patterns start only where a run of digits (or of Chinese numerals) starts, and take the
     * run whole (possessive): tried inside a run of 50,000 digits, each start would read to its end
     * and fail, minutes of work for one pushed item. A match cannot start inside a run anyway, since
     * what follows the run is the same from every start.
     */
    private static final Pattern PERCENT = Pattern.compile(
            "(?i)(?<![\\d.])(\\d++(?:\\.\\d++)?+)\\s*+(?:%|％|\\s?percent\\b|\\s?per\\s?cent\\b)");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(us\\$|\\$|¥|€|rmb\\s?)?\\s?(\\d{1,3}(?:,\\d{3}){1,6}|\\d+(?:\\.\\d+)?)\\s?"
                    + "(million|billion|bn|mn|trillion|亿|億|万|萬)?\\s?"
                    + "(metric tons?|tonnes?|tons?|mt|kg|kilograms?|吨|噸|公斤|千克|美元|元|yuan|dollars?)?");
    /** Chinese numerals where they write a figure: a percentage, a day of the year, an amount. */
    private static final String CN_DIGITS = "零〇○一二两兩三四五六七八九十百千点點";
    private static final Pattern CN_PERCENT = Pattern.compile("百分之([" + CN_DIGITS + "]+)");
    private static final Pattern CN_DATE = Pattern.compile("([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})([日号號])");
    private static final Pattern CN_AMOUNT = Pattern.compile(
            "(?<![" + CN_DIGITS + "])([" + CN_DIGITS + "]++)(亿|億|万|萬|吨|噸|公斤)");

    /** A year in a headline says which edition of a recurring notice (a quota, a yearly list) it is. */
    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    static final String TITLE_YEAR_PREFIX = "title-year:";
    /** A calendar day a headline names ("6月4日", "June 4"): daily bulletins of other days are other stories. */
    static final String TITLE_DAY_PREFIX = "title-day:";
    static final String TITLE_ELEMENT_PREFIX = "title-el:";
    /**
     * A quarter or a half-year a headline names ("Q3 2025", "fourth quarter", 第三季度, 下半年): a
     * quarterly price notice or a half-year quota of another period is another edition.
     */
    static final String TITLE_PERIOD_PREFIX = "title-period:";
    private static final Pattern QUARTER = Pattern.compile("(?i)\\b(?:q([1-4])|([1-4])q)(?:\\d{2})?\\b"
            + "|\\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\\b|([一二三四1-4])季度");
    private static final Pattern HALF = Pattern.compile("(?i)\\b(?:h([12])|([12])h)(?:\\d{2})?\\b"
            + "|\\b(first|second) half\\b|([上下])半年");
    static final String ANNOUNCEMENT_PREFIX = "no:";
    static final String MAIN_ANNOUNCEMENT_PREFIX = "main-no:";
    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b(" + MONTHS + ")[a-z]*\\.?\\s+(\\d{1,2})(?!\\d)|\\b(\\d{1,2})\\s+(" + MONTHS + ")[a-z]*\\b"
                    + "|(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号號]");
    /** Where each figure pattern may start (see {@link SparseMatcher}). */
    private static final SparseMatcher.MayStart ANNOUNCEMENT_START = (t, i, nextDigit) ->
            t.charAt(i) == '第' || SparseMatcher.wordStartAmong(t, i, "nN");
    private static final SparseMatcher.MayStart DATE_START = (t, i, nextDigit) ->
            nextDigit == i || SparseMatcher.wordStartAmong(t, i, "jfmasondJFMASOND");
    /** A digit within the longest currency prefix and a space ("rmb " then " "). */
    private static final SparseMatcher.MayStart AMOUNT_START = (t, i, nextDigit) -> nextDigit - i <= 5;
    private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private StoryText() {
    }

    /** Term counts of an item's title and text. */
    static Map<String, Integer> terms(String title, String text) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        addTerms(title, TITLE_WEIGHT, counts, firstSeen);
        addTerms(text, 1, counts, firstSeen);
        List<String> kept = new ArrayList<>(counts.keySet());
        kept.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(firstSeen::get));
        Map<String, Integer> top = new TreeMap<>();
        for (String term : kept.subList(0, Math.min(MAX_TERMS, kept.size()))) {
            top.put(term, counts.get(term));
        }
        return top;
    }

    /** The quarters and half-years a headline names, as {@code title-period:q3} or {@code title-period:h2}. */
    static List<String> periods(String title) {
        List<String> periods = new ArrayList<>();
        if (title.isEmpty()) {
            return periods;
        }
        Matcher quarter = QUARTER.matcher(title);
        while (quarter.find()) {
            periods.add(TITLE_PERIOD_PREFIX + "q" + ordinal(firstGroup(quarter)));
        }
        Matcher half = HALF.matcher(title);
        while (half.find()) {
            String which = firstGroup(half);
            periods.add(TITLE_PERIOD_PREFIX + "h" + ("上".equals(which) ? 1 : "下".equals(which) ? 2 : ordinal(which)));
        }
        return periods;
    }

    /** The first group of the match that took part in it. */
    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return m.group();
    }

    /** 1–4 from a digit, an English ordinal or a Chinese numeral. */
    private static int ordinal(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "1", "first", "1st", "一" -> 1;
            case "2", "second", "2nd", "二" -> 2;
            case "3", "third", "3rd", "三" -> 3;
            default -> 4;
        };
    }

    /** Distinctive figures of an item, normalised so that outlets writing them differently agree. */
    static Set<String> figures(String title, String text) {
        return figures(title, text, false);
    }

    /**
     * @param scan try the figure patterns at every offset of the text, not only where a figure may
     *             start (see {@link SparseMatcher}): the same figures, found slower
     */
    static Set<String> figures(String title, String text, boolean scan) {
        // each field made plain once (full-width characters, Chinese numerals); no figure spans the two
        String plainTitle = arabic(halfWidth(title == null ? "" : title));
        String s = plainTitle + "\n" + arabic(halfWidth(text == null ? "" : text));
        Set<String> figures = new LinkedHashSet<>();
        Matcher year = TITLE_YEAR.matcher(title == null ? "" : title);
        while (year.find()) {
            figures.add(TITLE_YEAR_PREFIX + year.group(1));
        }
        for (String day : days(plainTitle, scan)) {
            figures.add(TITLE_DAY_PREFIX + day);
        }
        figures.addAll(periods(plainTitle));
        // the elements (or group) a headline names are what the report is about
        for (String named : HeadlineElements.of(title)) {
            figures.add(TITLE_ELEMENT_PREFIX + named);
        }
        SparseMatcher announcement = new SparseMatcher(ANNOUNCEMENT, s, scan ? SparseMatcher.ANYWHERE : ANNOUNCEMENT_START);
        Map<String, Integer> mentions = new java.util.LinkedHashMap<>();
        while (announcement.find()) {
            String digits = announcement.group(1) != null ? announcement.group(1) : announcement.group(2);
            mentions.merge(String.valueOf(Integer.parseInt(digits)), 1, Integer::sum);
        }
        // the announcement an item is about is the one it cites most (the first of equals); the
        // others are usually history ("it suspends No. 61 and No. 62 of October")
        mentions.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(main -> figures.add(MAIN_ANNOUNCEMENT_PREFIX + main.getKey()));
        for (String number : mentions.keySet()) {
            if (figures.size() < MAX_FIGURES) {
                figures.add(ANNOUNCEMENT_PREFIX + number);
            }
        }
        SparseMatcher percent = new SparseMatcher(PERCENT, s, scan ? SparseMatcher.ANYWHERE : SparseMatcher.DIGIT);
        while (percent.find() && figures.size() < MAX_FIGURES) {
            figures.add("pct:" + number(percent.group(1)));
        }
        for (String day : days(s, scan)) {
            if (figures.size() < MAX_FIGURES) {
                figures.add("date:" + day);
            }
        }
        SparseMatcher amount = new SparseMatcher(AMOUNT, s, scan ? SparseMatcher.ANYWHERE : AMOUNT_START);
        while (amount.find() && figures.size() < MAX_FIGURES) {
            String currency = amount.group(1);
            String scale = amount.group(3);
            String unit = amount.group(4);
            if (currency == null && scale == null && unit == null) {
                continue;
            }
            figures.add("amt:" + amount(amount.group(2), scale) + unit(currency, unit));
        }
        figures.removeIf(figure -> figure.length() > MAX_FIGURE);
        return figures;
    }

    /** The calendar days a text names, as month-day ("6-4"), in order. */
    private static List<String> days(String s, boolean scan) {
        List<String> days = new ArrayList<>();
        SparseMatcher date = new SparseMatcher(MONTH_DAY, s, scan ? SparseMatcher.ANYWHERE : DATE_START);
        while (date.find()) {
            int month;
            String day;
            if (date.group(1) != null) {
                month = MONTH_NAMES.indexOf(date.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
                day = date.group(2);
            } else if (date.group(3) != null) {
                month = MONTH_NAMES.indexOf(date.group(4).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
                day = date.group(3);
            } else {
                month = Integer.parseInt(date.group(5));
                day = date.group(6);
            }
            int d = Integer.parseInt(day);
            if (month >= 1 && month <= 12 && d >= 1 && d <= 31) {
                days.add(month + "-" + d);
            }
        }
        return days;
    }

    private static String number(String digits) {
        String plain = digits.replace(",", "");
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain;
    }

    /** The amount as a plain number, its scale applied: "400 million" and "4亿" are both 400000000. */
    private static String amount(String digits, String scale) {
        BigDecimal value = new BigDecimal(digits.replace(",", ""));
        String sc = scale == null ? "" : scale.toLowerCase(Locale.ROOT);
        BigDecimal factor = switch (sc) {
            case "million", "mn" -> BigDecimal.valueOf(1_000_000);
            case "billion", "bn" -> BigDecimal.valueOf(1_000_000_000);
            case "trillion" -> BigDecimal.valueOf(1_000_000_000_000L);
            case "亿", "億" -> BigDecimal.valueOf(100_000_000);
            case "万", "萬" -> BigDecimal.valueOf(10_000);
            default -> BigDecimal.ONE;
        };
        return value.multiply(factor).stripTrailingZeros().toPlainString();
    }

    private static String unit(String currency, String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        String c = currency == null ? "" : currency.strip().toLowerCase(Locale.ROOT);
        String money = c.isEmpty() ? "" : c.equals("€") ? "eur" : c.equals("¥") || c.startsWith("rmb") ? "cny" : "usd";
        String measure = switch (u) {
            case "kg", "kilogram", "kilograms", "公斤", "千克" -> "kg";
            case "" -> "";
            default -> u.startsWith("ton") || u.startsWith("metric") || u.equals("mt") || u.equals("吨") || u.equals("噸") ? "t"
                    : u.startsWith("dollar") || u.equals("美元") ? "usd" : u.equals("元") || u.equals("yuan") ? "cny" : u;
        };
        return measure.isEmpty() ? money : measure;
    }

    /**
     * The text with full-width letters, digits and signs ("１２％", "，") as plain ones, as outlets in
     * Chinese often write figures.
     */
    static String halfWidth(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char plain = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (plain != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = plain;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The text with the Chinese numerals of percentages, days and amounts written in digits. */
    static String arabic(String text) {
        String s = text;
        if (s.contains("百分之")) {
            s = replace(CN_PERCENT, s, m -> chineseNumber(m.group(1)).map(n -> n + "%"));
        }
        if (containsAny(s, "月") && containsAny(s, "日号號")) {
            s = replace(CN_DATE, s, m -> chineseNumber(m.group(1)).flatMap(month -> chineseNumber(m.group(2))
                    .map(day -> month + "月" + day + m.group(3))));
        }
        if (containsAny(s, "亿億万萬吨噸公")) {
            s = replace(CN_AMOUNT, s, m -> chineseNumber(m.group(1)).map(n -> n + m.group(2)));
        }
        return s;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, Optional<String>> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A Chinese numeral in digits: positional ("二〇二五", "五点五") or with tens, hundreds and
     * thousands ("二十八点七", "一百二十"); empty when it is not a number (a lone "十" is ten).
     */
    static Optional<String> chineseNumber(String numeral) {
        String n = numeral.replace('點', '点');
        int point = n.indexOf('点');
        String whole = point < 0 ? n : n.substring(0, point);
        String fraction = point < 0 ? "" : n.substring(point + 1);
        StringBuilder decimals = new StringBuilder();
        for (char c : fraction.toCharArray()) {
            int d = digit(c);
            if (d < 0) {
                return Optional.empty();
            }
            decimals.append(d);
        }
        long value = 0;
        if (whole.chars().anyMatch(c -> c == '十' || c == '百' || c == '千')) {
            long section = 0;
            int pending = -1;
            for (char c : whole.toCharArray()) {
                int d = digit(c);
                int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
                if (d >= 0) {
                    pending = d;
                } else if (unit > 0) {
                    section += (pending < 0 ? 1 : pending) * (long) unit;
                    pending = -1;
                } else {
                    return Optional.empty();
                }
            }
            value = section + Math.max(0, pending);
        } else if (!whole.isEmpty()) {
            for (char c : whole.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return Optional.empty();
                }
                value = value * 10 + d;
            }
        } else if (decimals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decimals.isEmpty() ? Long.toString(value) : value + "." + decimals);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇', '○' -> 0;
            case '一' -> 1;
            case '二', '两', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static void addTerms(String field, int weight, Map<String, Integer> counts, Map<String, Integer> firstSeen) {
        if (field == null || field.isEmpty()) {
            return;
        }
        String s = field.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int previousHan = -1;
        int runLength = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            // no Han character comes before U+2E80: the script lookup is skipped for Latin text
            if (cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                addWord(word, weight, counts, firstSeen);
                int folded = HanFold.fold(cp);
                if (previousHan >= 0) {
                    add(new String(Character.toChars(previousHan)) + new String(Character.toChars(folded)), weight,
                            counts, firstSeen);
                }
                previousHan = folded;
                runLength++;
            } else {
                if (runLength == 1) {
                    add(new String(Character.toChars(previousHan)), weight, counts, firstSeen);
                }
                previousHan = -1;
                runLength = 0;
                if (Character.isLetterOrDigit(cp) || (cp == '\'' && word.length() > 0)) {
                    word.appendCodePoint(cp);
                } else {
                    addWord(word, weight, counts, firstSeen);
                }
            }
        }
        if (runLength == 1) {
            add(new String(Character.toChars(previousHan)), weight, counts, firstSeen);
        }
        addWord(word, weight, counts, firstSeen);
    }

    private static void addWord(StringBuilder word, int weight, Map<String, Integer> counts, Map<String, Integer> firstSeen) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        w = w.replace("'", "");
        if (w.length() < 3 || w.length() > MAX_WORD || STOP_WORDS.contains(w) || w.chars().allMatch(Character::isDigit)) {
            return;
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        add(w, weight, counts, firstSeen);
    }

    private static void add(String term, int weight, Map<String, Integer> counts, Map<String, Integer> firstSeen) {
        counts.merge(term, weight, Integer::sum);
        firstSeen.putIfAbsent(term, firstSeen.size());
    }
}
