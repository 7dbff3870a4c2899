package io.lodestone.ingest.extract.dictionary;

import java.util.List;
import java.util.Locale;
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
 */
public record Rule(List<String> keywords, Pattern pattern, String source) {

    public Rule {
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isEmpty)) {
            throw new IllegalStateException(source + ": a rule needs keywords");
        }
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
        return new Rule(words, Pattern.compile(pattern, Pattern.CASE_INSENSITIVE), source);
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
        boolean inClass = false;
        for (int i = 0; i < regex.length() - 1; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == ')' && unbounded(regex, i + 1)) {
                throw new IllegalStateException(source + ": the group ending at character " + (i + 1)
                        + " repeats without an upper bound; write {0,N} or {1,N} instead of *, + or {N,}");
            }
        }
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
