package io.lodestone.ingest.item;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern's matches in a text, as {@link Matcher#find()} gives them, with the pattern tried only
 * at offsets where a match may start. A scan tries a pattern at every offset, which for a long
 * article costs far more than the few places that can match: most patterns need a digit, or start
 * with one of a few words. Where it is tried, it is tried exactly as a scan would (transparent
 * bounds: word boundaries and look-behinds see the text before), and the next try starts after the
 * match, as a scan's does; so as long as {@link MayStart} holds wherever a match can start, the
 * matches are those of a scan. (The extractor's rules do the same from their keywords.)
 */
public final class SparseMatcher {

    /** Whether a match may start at offset {@code i} of {@code s}, given the offset of the next ASCII digit from there (or the length). */
    @FunctionalInterface
    public interface MayStart {
        boolean at(String s, int i, int nextDigit);
    }

    /** Every offset: a plain scan. */
    public static final MayStart ANYWHERE = (s, i, nextDigit) -> true;
    /** Patterns that start with a digit. */
    public static final MayStart DIGIT = (s, i, nextDigit) -> nextDigit == i;

    private final Matcher matcher;
    private final String s;
    private final MayStart mayStart;
    private int from;
    private int nextDigit = -1;

    public SparseMatcher(Pattern pattern, String s, MayStart mayStart) {
        this.matcher = pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        this.s = s;
        this.mayStart = mayStart;
    }

    /** The next match; false when there is none. */
    public boolean find() {
        if (mayStart == ANYWHERE) {
            return matcher.find();
        }
        for (int i = from; i < s.length(); i++) {
            if (nextDigit < i) {
                nextDigit = i;
                while (nextDigit < s.length() && (s.charAt(nextDigit) < '0' || s.charAt(nextDigit) > '9')) {
                    nextDigit++;
                }
            }
            if (mayStart.at(s, i, nextDigit)) {
                matcher.region(i, s.length());
                if (matcher.lookingAt()) {
                    from = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
        }
        from = s.length();
        return false;
    }

    public String group(int group) {
        return matcher.group(group);
    }

    public int start() {
        return matcher.start();
    }

    public int end() {
        return matcher.end();
    }

    /**
     * Whether offset {@code i} holds one of {@code letters} where a word can begin: not right after
     * an ASCII letter, digit or underscore (between two of those no {@code \b} can match; any other
     * character before is left to the pattern to judge).
     */
    public static boolean wordStartAmong(String s, int i, String letters) {
        if (letters.indexOf(s.charAt(i)) < 0) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = s.charAt(i - 1);
        return !(before < 128 && (Character.isLetterOrDigit(before) || before == '_'));
    }
}
