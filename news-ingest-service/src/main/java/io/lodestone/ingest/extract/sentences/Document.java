package io.lodestone.ingest.extract.sentences;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An item's title and text cut into sentences, each field also folded to lower case (ASCII only,
 * so offsets stay the same) and scanned once for every dictionary keyword (by the function given,
 * which returns {@code start << 32 | rule} entries).
 */
public final class Document {

    private static final Set<String> ABBREVIATIONS = Set.of("u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr",
            "no", "nos", "inc", "corp", "ltd", "co", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "vs", "e.g", "i.e", "approx", "gov", "rep", "sen", "gen", "jr", "sr", "est");

    /** Line breaks inside sentences that make a text hard-wrapped ({@link #unwrapped}). */
    static final int WRAPPED_BREAKS = 2;

    /** The longest line, in characters, that can be page furniture rather than a sentence. */
    static final int FURNITURE_LENGTH = 40;
    /** The first rank given to page furniture, past every sentence of prose. */
    static final int FURNITURE_RANK = 1_000_000;

    /** UTF-8's {@code E2 80} read as GBK: the first half of a garbled quote or dash ({@link #withoutMojibake}). */
    private static final char GARBLED_QUOTE = '\u9225';
    /** UTF-8's no-break space ({@code C2 A0}) read as GBK. */
    private static final char GARBLED_SPACE = '\u807D';
    /** The last bytes of the quotes and dashes so garbled: – — ‘ ’ “ ” • … ({@code E2 80 xx}). */
    private static final String PUNCTUATION_BYTES = "\u0093\u0094\u0098\u0099\u009C\u009D\u00A2\u00A6";
    private static final Charset GBK = Charset.isSupported("GBK") ? Charset.forName("GBK") : null;

    /** A pinyin reading in brackets right after a Han character ({@link #withoutReadings}). */
    private static final Pattern READING = Pattern.compile(
            "(?<=\\p{IsHan})\\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\\)");

    public final String title;
    public final String text;
    /** All sentences, the title first, then the text's in order (ranked as {@link #split} says). */
    public final List<Sentence> sentences;
    private final Map<Field, List<Sentence>> byField = new EnumMap<>(Field.class);
    private final Map<Field, String> folded = new EnumMap<>(Field.class);
    private final Map<Field, long[]> occurrences = new EnumMap<>(Field.class);

    public Document(String title, String text, Function<String, long[]> keywords) {
        this.title = title == null ? "" : plain(withoutReadings(withoutMojibake(title)));
        this.text = text == null ? "" : unwrapped(plain(withoutReadings(withoutMojibake(text))));
        List<Sentence> titleSentences = new ArrayList<>();
        if (!this.title.isBlank()) {
            Sentence whole = trimmed(Field.TITLE, this.title, 0, this.title.length(), 0);
            if (whole != null) {
                titleSentences.add(whole);
            }
        }
        List<Sentence> textSentences = new ArrayList<>();
        split(Field.TEXT, this.text, this.title.isBlank() ? null : this.title, textSentences);
        List<Sentence> all = new ArrayList<>(titleSentences);
        all.addAll(textSentences);
        this.sentences = Collections.unmodifiableList(all);
        byField.put(Field.TITLE, List.copyOf(titleSentences));
        byField.put(Field.TEXT, List.copyOf(textSentences));
        for (Field field : Field.values()) {
            String f = fold(field(field));
            folded.put(field, f);
            occurrences.put(field, keywords == null ? new long[0] : keywords.apply(f));
        }
    }

    public String field(Field field) {
        return field == Field.TITLE ? title : text;
    }

    /** The field lower-cased in ASCII: same length and offsets as the field. */
    public String folded(Field field) {
        return folded.get(field);
    }

    public List<Sentence> sentences(Field field) {
        return byField.get(field);
    }

    public long[] occurrences(Field field) {
        return occurrences.get(field);
    }

    public Sentence sentenceAt(Field field, int offset) {
        List<Sentence> list = byField.get(field);
        int low = 0;
        int high = list.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Sentence sentence = list.get(middle);
            if (offset < sentence.start()) {
                high = middle - 1;
            } else if (offset >= sentence.end()) {
                low = middle + 1;
            } else {
                return sentence;
            }
        }
        return null;
    }

    public static String fold(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? s : new String(chars);
    }

    /**
     * The text without the pinyin readings some mirror sites write after characters (商務(wù)部,
     * 國營貿(mào)易, 產(chǎn)線): a reading in brackets right after a Han character, lower-case Latin
     * letters with at least one tone mark. They cut every word they stand in, so no cue or name
     * of such a page was found. Brackets of anything else (an exchange code, an English name)
     * stay. Null stays null.
     */
    public static String withoutReadings(String s) {
        int open = s == null ? -1 : s.indexOf('(');
        if (open < 1 || !hasToneMark(s, open)) {
            return s;
        }
        return READING.matcher(s).replaceAll("");
    }

    /**
     * The text with the quotes and dashes that a mirror site garbled back in place. Such sites read
     * an English page's UTF-8 as GBK: a curly quote or a dash (bytes {@code E2 80 xx}) became 鈥,
     * which is also the traditional character for holmium, and the byte after it joined the next
     * letter into some rare character ("Orano鈥檚" for "Orano’s", "鈥淭he" for "“The") or, before a
     * space or a line's end, was lost as U+FFFD or "?"; so every such page named holmium. A no-break
     * space became 聽. Only a field with more Latin letters than Han characters is mended (in
     * Chinese text 鈥 is the element, "鏑,鋱,鈥,釓"): 聽 as a space; 鈥 with the character after it when
     * the two are the GBK reading of a quote or dash and an ASCII character, with the U+FFFD or "?"
     * after it as one closing quote, and alone, after ASCII or 聽, as a closing quote. Null stays null.
     */
    public static String withoutMojibake(String s) {
        if (s == null || GBK == null || s.indexOf(GARBLED_QUOTE) < 0 && s.indexOf(GARBLED_SPACE) < 0
                || !mostlyLatin(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == GARBLED_SPACE) {
                out.append(s, copied, i).append(' ');
                copied = i + 1;
                continue;
            }
            if (c != GARBLED_QUOTE || i < copied) {
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            if (next == '\uFFFD' || next == '?') {
                out.append(s, copied, i).append('\u201D');
                copied = i + 2;
            } else if (next >= 0x80) {
                byte[] pair = String.valueOf(next).getBytes(GBK);
                if (pair.length == 2 && PUNCTUATION_BYTES.indexOf((char) (pair[0] & 0xFF)) >= 0
                        && pair[1] >= 0x20 && pair[1] < 0x7F) {
                    // E2 80 xx in UTF-8, and the ASCII character its last byte was read with
                    out.append(s, copied, i).append((char) (0x2000 | pair[0] & 0x3F)).append((char) pair[1]);
                    copied = i + 2;
                }
            } else if (before < 0x80 || before == GARBLED_SPACE) {
                out.append(s, copied, i).append('\u201D'); // a closing quote whose last byte was lost
                copied = i + 1;
            }
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** Whether {@code s} has more Latin letters than Han characters. */
    private static boolean mostlyLatin(String s) {
        int latin = 0;
        int han = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                latin++;
            } else if (c >= '\u4E00' && c <= '\u9FFF') {
                han++;
            }
        }
        return latin > han;
    }

    /** Whether a tone-marked vowel (Latin Extended: ā … ǜ) stands anywhere from {@code from} on. */
    private static boolean hasToneMark(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u00E0' && c <= '\u01DC' && "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with typographic spaces and hyphens as the plain ones the dictionaries are written
     * with, one character for one so offsets stay the same: text copied from web pages and feeds
     * carries no-break spaces ("China&nbsp;halts exports") and no-break hyphens (U+2011 in "rare-earth-free")
     * that no cue would otherwise match, and Chinese text full-width digits that no number pattern
     * reads, and a right single quote as the apostrophe of "China’s". En and em dashes and full-width
     * punctuation stay: they separate clauses. Evidence quotes the text so mapped. (A loop of its
     * own, like {@link #fold}: one shared loop taking the mapping as a function made extraction
     * about 7% slower.)
     */
    static String plain(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char plain = switch (c) {
                case '\u00A0', '\u2007', '\u202F', '\u3000' -> ' ';
                case '\u2010', '\u2011', '\u2012', '\u2212', '\uFE63', '\uFF0D' -> '-';
                case '\u2019' -> '\'';
                default -> c >= '\u2000' && c <= '\u200A' ? ' '
                        // full-width digits and Latin letters (３００７５０, ＥＶ) as ASCII ones
                        : c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A'
                        ? (char) (c - 0xFEE0) : c;
            };
            if (plain != c) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = plain;
            }
        }
        return chars == null ? s : new String(chars);
    }

    /**
     * Hard-wrapped text with its line breaks inside sentences read as spaces, one character for
     * one so offsets stay the same. Wire copy and text taken from PDFs break lines at a width,
     * not at sentences ("said it will halt operations at its Spinifex Ridge molybdenum\nand copper
     * project"), and a line break ends a sentence. A text counts as wrapped when at least
     * {@value #WRAPPED_BREAKS} of its line breaks fall inside a sentence (a line that ends in a
     * letter, digit or comma, followed by a lower-case Latin letter); then every such line break,
     * whatever follows it ("China Development\nBank"), joins its lines. A blank line still ends a
     * paragraph, and a line that ends in a stop its sentence.
     */
    static String unwrapped(String s) {
        int inside = 0;
        for (int i = s.indexOf('\n', 1); i > 0 && i + 1 < s.length() && inside < WRAPPED_BREAKS;
                i = s.indexOf('\n', i + 1)) {
            char next = s.charAt(i + 1);
            if (next >= 'a' && next <= 'z' && continuesSentence(s.charAt(i - 1))) {
                inside++;
            }
        }
        if (inside < WRAPPED_BREAKS) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = s.indexOf('\n', 1); i > 0 && i + 1 < s.length(); i = s.indexOf('\n', i + 1)) {
            if (continuesSentence(s.charAt(i - 1)) && !Character.isWhitespace(s.charAt(i + 1))) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static boolean continuesSentence(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == ',');
    }

    /**
     * Splits at Chinese full stops and marks, line breaks, and Latin stops that end a sentence.
     * Sentences are ranked 1, 2, 3, … in order, except page furniture when the item has a title: a
     * line that is a bare web address, or of at most {@value #FURNITURE_LENGTH} characters and ends
     * in no stop ("首页 > 视听 > 速递", "分享到微信", "作者:…责编:…", "Economy", "Date: May 6,
     * 2025"), is ranked from {@value #FURNITURE_RANK} on, so that the lead is the first sentence of
     * prose and a share button's words ("点击底部的“发现”") never count as a lead. So is a line that
     * repeats the title, as scraped pages print it above the story: the title already counts as
     * the title, and its copy would take the lead's place. {@code out} is empty when called.
     *
     * @param title the item's title, or null when it has none
     */
    private static void split(Field field, String s, String title, List<Sentence> out) {
        boolean titled = title != null;
        int start = 0;
        int rank = 1;
        int furniture = FURNITURE_RANK;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean end = switch (c) {
                case '。', '！', '？', '；', '\n' -> true;
                case '!', '?' -> i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1));
                case '.' -> endsLatinSentence(s, i);
                default -> false;
            };
            if (end) {
                Sentence sentence = trimmed(field, s, start, i + 1, rank);
                if (sentence != null) {
                    if (titled && c == '\n' && (isFurniture(s, sentence) || repeats(s, sentence, title))) {
                        out.add(new Sentence(field, sentence.start(), sentence.end(), furniture++));
                    } else {
                        out.add(sentence);
                        rank++;
                    }
                }
                start = i + 1;
            }
        }
        Sentence last = trimmed(field, s, start, s.length(), rank);
        if (last != null) {
            if (titled && (isFurniture(s, last) || repeats(s, last, title))) {
                out.add(new Sentence(field, last.start(), last.end(), furniture));
            } else {
                out.add(last);
                rank++;
            }
        }
        if (rank == 1) {
            // no prose at all: the lines are the text
            for (int i = 0; i < out.size(); i++) {
                out.set(i, new Sentence(field, out.get(i).start(), out.get(i).end(), i + 1));
            }
        }
    }

    /**
     * A line of its own that is a bare web address, or is short and ends in no stop: a heading, a
     * byline, a date line or a page's buttons.
     */
    private static boolean isFurniture(String s, Sentence line) {
        int before = line.start() - 1;
        while (before >= 0 && (s.charAt(before) == ' ' || s.charAt(before) == '\t')) {
            before--;
        }
        if (before >= 0 && s.charAt(before) != '\n') {
            return false;
        }
        if (isAddress(s, line)) {
            return true;
        }
        if (line.end() - line.start() > FURNITURE_LENGTH) {
            return false;
        }
        char last = s.charAt(line.end() - 1);
        return ".!?。！？；;:：\"”'’)）」』".indexOf(last) < 0;
    }

    /**
     * A line that starts its own line and whose letters and digits are the title's, in order
     * (case, spacing and punctuation aside); the caller knows it ends its line.
     */
    private static boolean repeats(String s, Sentence line, String title) {
        int before = line.start() - 1;
        while (before >= 0 && (s.charAt(before) == ' ' || s.charAt(before) == '\t')) {
            before--;
        }
        if (before >= 0 && s.charAt(before) != '\n') {
            return false;
        }
        int i = line.start();
        int j = 0;
        while (true) {
            while (i < line.end() && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            while (j < title.length() && !Character.isLetterOrDigit(title.charAt(j))) {
                j++;
            }
            if (i >= line.end() || j >= title.length()) {
                return i >= line.end() && j >= title.length();
            }
            if (Character.toLowerCase(s.charAt(i)) != Character.toLowerCase(title.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
    }

    /** A line that is one web address and nothing else. */
    private static boolean isAddress(String s, Sentence line) {
        if (!s.startsWith("http://", line.start()) && !s.startsWith("https://", line.start())) {
            return false;
        }
        for (int i = line.start(); i < line.end(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsLatinSentence(String s, int dot) {
        int next = dot + 1;
        if (next >= s.length()) {
            return true;
        }
        if (!Character.isWhitespace(s.charAt(next))) {
            return false;
        }
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
            next++;
        }
        if (next >= s.length()) {
            return true;
        }
        char following = s.charAt(next);
        if (!(Character.isUpperCase(following) || following == '"' || following == '“' || following == '('
                || Character.isIdeographic(following))) {
            return false;
        }
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < dot && "\"“(".indexOf(s.charAt(wordStart)) >= 0) {
            wordStart++;
        }
        if (dot - wordStart == 1 && Character.isUpperCase(s.charAt(wordStart))) {
            return false; // an initial, as in "George W. Bush"
        }
        return !ABBREVIATIONS.contains(fold(s.substring(wordStart, dot)));
    }

    private static Sentence trimmed(Field field, String s, int start, int end, int rank) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Sentence(field, start, end, rank) : null;
    }
}
