package io.lodestone.ingest.extract.dictionary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * One line of a dictionary, as matched: the keywords declared in the file, one of which starts
 * every match, and the pattern that confirms a match at a keyword. When the file gives no pattern
 * ({@code -}), the keywords are the whole cue. Keywords are compared with the text folded to lower
 * case (ASCII only, as the patterns' case-insensitivity is), so a keyword is found in one pass
 * over the text with all the others ({@link Lexicon}) and a pattern runs only where one stands.
 *
 * @param keywords lower-case literals; never empty
 * @param pattern  the confirming pattern (case-insensitive), or null when a keyword is the match
 * @param source   where the rule was read, for error messages
 * @param starts   how the pattern's alternatives open (see {@link Start})
 */
public record Rule(List<String> keywords, Pattern pattern, String source, Set<Start> starts) {

    /**
     * What must hold where a pattern's match begins, read from how each of its alternatives
     * opens: a keyword is a substring ("or" stands in "for", "er" in every "-er"), so most keyword
     * occurrences fall where the pattern cannot begin, and checking that first spares running it.
     */
    public enum Start {
        /** {@code ^}: the start of the field (patterns are matched without anchoring bounds). */
        FIELD_START,
        /** {@code \b}: a word boundary, as the regex engine reads one. */
        WORD_BOUNDARY,
        /** {@code (?<![A-Za-z])}: not after a Latin letter. */
        NOT_AFTER_LETTER,
        /** {@code (?<![A-Za-z0-9])}: not after a Latin letter or a digit. */
        NOT_AFTER_LETTER_OR_DIGIT,
        /** Anything else: no check. */
        ANYWHERE
    }

    /**
     * The group a pattern may name to say where its match begins, before its keyword: a rule keyed
     * on a rare word looks behind it for the common words a match used to start at
     * ({@code (?<=(?<from>tungsten) )soar\w*}), and its match, as reported, starts there, so it
     * covers about the span a rule keyed on the common word did (and the cues it overlaps, the
     * clause it stands in). A look-behind is tried shortest first, so where a longer name ends in a
     * shorter one (碳酸锂, 锂) the match starts at the shorter.
     */
    public static final String FROM = "from";

    public Rule {
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isEmpty)) {
            throw new IllegalStateException(source + ": a rule needs keywords");
        }
        starts = Set.copyOf(starts);
    }

    public Rule(List<String> keywords, Pattern pattern, String source) {
        this(keywords, pattern, source, pattern == null ? Set.of(Start.ANYWHERE) : starts(pattern.pattern()));
    }

    /**
     * Whether the pattern may begin at {@code at} of {@code text}: false only where none of its
     * alternatives can, so a false answer spares running the pattern and a true one decides nothing.
     * The text may be the folded one: folding changes no character's kind.
     */
    public boolean mayStartAt(CharSequence text, int at) {
        return mayStartAt(startMask(), text, at);
    }

    /** Whether the pattern names where its match begins ({@link #FROM}). */
    public boolean reportsFrom() {
        return pattern != null && pattern.pattern().contains("(?<" + FROM + ">");
    }

    /** {@link #starts()} as bits by ordinal, for {@link #mayStartAt(int, CharSequence, int)}. */
    public int startMask() {
        int mask = 0;
        for (Start start : starts) {
            mask |= 1 << start.ordinal();
        }
        return mask;
    }

    /** {@link #mayStartAt(CharSequence, int)} for the rule whose {@link #startMask()} is given. */
    public static boolean mayStartAt(int startMask, CharSequence text, int at) {
        return (startMask & startsPossibleAt(text, at)) != 0;
    }

    /**
     * The {@link Start}s that hold at {@code at} of {@code text}, as bits by ordinal: a rule may
     * begin there when its {@link #startMask()} shares one. Computed once for all the rules of a
     * keyword found there.
     */
    public static int startsPossibleAt(CharSequence text, int at) {
        int possible = 1 << Start.ANYWHERE.ordinal();
        if (at == 0) {
            possible |= 1 << Start.FIELD_START.ordinal();
        }
        if (!sameSideOfABoundary(text, at)) {
            possible |= 1 << Start.WORD_BOUNDARY.ordinal();
        }
        char before = at > 0 ? text.charAt(at - 1) : 0;
        if (!isAsciiLetter(before)) {
            possible |= 1 << Start.NOT_AFTER_LETTER.ordinal();
            if (!(before >= '0' && before <= '9')) {
                possible |= 1 << Start.NOT_AFTER_LETTER_OR_DIGIT.ordinal();
            }
        }
        return possible;
    }

    /** How each top-level alternative of the pattern opens. */
    static Set<Start> starts(String regex) {
        Set<Start> starts = EnumSet.noneOf(Start.class);
        for (String alternative : alternatives(regex)) {
            starts.add(alternative.startsWith("^") ? Start.FIELD_START
                    : alternative.startsWith("\\b") ? Start.WORD_BOUNDARY
                    : alternative.startsWith("(?<![A-Za-z])") || alternative.startsWith("(?<![a-zA-Z])") ? Start.NOT_AFTER_LETTER
                    : alternative.startsWith("(?<![A-Za-z0-9])") ? Start.NOT_AFTER_LETTER_OR_DIGIT
                    : Start.ANYWHERE);
        }
        return starts;
    }

    /** The pattern split at its top-level {@code |}. */
    private static List<String> alternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        int[] depthAndFrom = {0, 0};
        forEachSyntaxCharacter(regex, i -> {
            char c = regex.charAt(i);
            if (c == '(') {
                depthAndFrom[0]++;
            } else if (c == ')') {
                depthAndFrom[0]--;
            } else if (c == '|' && depthAndFrom[0] == 0) {
                alternatives.add(regex.substring(depthAndFrom[1], i));
                depthAndFrom[1] = i + 1;
            }
        });
        alternatives.add(regex.substring(depthAndFrom[1]));
        return alternatives;
    }

    /** Calls {@code action} with the index of every character of the pattern outside escapes and character classes. */
    private static void forEachSyntaxCharacter(String regex, IntConsumer action) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else {
                action.accept(i);
            }
        }
    }

    /**
     * Whether both characters around {@code at} are word characters, or both are not, by the
     * engine's own test for {@code \b} ({@code _} or a letter or digit in any script); a combining
     * mark or a surrogate could go either way and never counts as the same side.
     */
    private static boolean sameSideOfABoundary(CharSequence text, int at) {
        int left = at > 0 ? side(text.charAt(at - 1)) : 0;
        int right = at < text.length() ? side(text.charAt(at)) : 0;
        return left != -1 && left == right;
    }

    /** 1 for a word character, 0 for another, -1 when unsure. */
    private static int side(char c) {
        if (Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return -1;
        }
        return c == '_' || Character.isLetterOrDigit(c) ? 1 : 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Parses the keyword column ({@code a|b|c}) and the pattern column ({@code -} for none). */
    public static Rule of(String keywords, String regex, String source) {
        List<String> words = List.of(keywords.strip().split("\\|")).stream()
                .map(k -> k.strip().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).distinct().toList();
        String pattern = regex.strip();
        if (pattern.equals("-")) {
            return new Rule(words, null, source);
        }
        requireBoundedGroups(pattern, source);
        return new Rule(words, Pattern.compile(nonCapturing(pattern), Pattern.CASE_INSENSITIVE), source);
    }

    /**
     * The pattern with its plain groups {@code (…)} made non-capturing {@code (?:…)}. A rule's match
     * is used whole, never by group; a matcher clears its capture slots at every run, and the
     * engine records each capture as it goes, so the groups of the larger rules (a hundred and
     * more) cost time at every keyword the rule is tried at. Same matches. A pattern with a
     * back-reference ({@code \1}, {@code \k<name>}) keeps its groups.
     */
    static String nonCapturing(String regex) {
        for (int i = 0; i + 1 < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                char next = regex.charAt(i + 1);
                if (next >= '1' && next <= '9' || next == 'k') {
                    return regex;
                }
                i++;
            }
        }
        StringBuilder out = new StringBuilder(regex.length() + 32);
        int[] copied = {0};
        forEachSyntaxCharacter(regex, i -> {
            if (regex.charAt(i) == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
                out.append(regex, copied[0], i + 1).append("?:");
                copied[0] = i + 1;
            }
        });
        return out.append(regex, copied[0], regex.length()).toString();
    }

    /**
     * Refuses a pattern that repeats a group without bound ({@code ((the|its) )*}, {@code (…)+},
     * {@code (…){2,}}). Java's regex engine recurses once per repetition of a group, so a sentence
     * that repeats the group a few thousand times ("lift the the the … controls", which anyone may
     * push) overflows the stack of the thread reading it. Repeating a single character or class
     * ({@code \w+}, {@code \s*}) is iterative and allowed; write a group's repetition with an upper
     * bound ({@code {0,6}}).
     */
    static void requireBoundedGroups(String regex, String source) {
        forEachSyntaxCharacter(regex, i -> {
            if (regex.charAt(i) == ')' && i + 1 < regex.length() && unbounded(regex, i + 1)) {
                throw new IllegalStateException(source + ": the group ending at character " + (i + 1)
                        + " repeats without an upper bound; write {0,N} or {1,N} instead of *, + or {N,}");
            }
        });
    }

    private static boolean unbounded(String regex, int at) {
        char q = regex.charAt(at);
        if (q == '*' || q == '+') {
            return true;
        }
        int close = regex.indexOf('}', at);
        return q == '{' && close > at && regex.substring(at + 1, close).matches("\\d+,");
    }
}
