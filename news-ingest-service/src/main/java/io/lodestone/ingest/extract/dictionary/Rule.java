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
        return new Rule(words, pattern.equals("-") ? null : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE), source);
    }
}
