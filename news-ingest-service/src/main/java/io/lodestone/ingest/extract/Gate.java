package io.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cheap test that a pattern cannot match: the literal words one of which every match must
 * contain, read from the pattern itself ({@code \b(export|import)s? ban} needs "export" or
 * "import"). Most cues find nothing in most items, and {@code String.contains} on the lower-cased
 * field is far cheaper than running the regex to learn that. A pattern whose start cannot be read
 * this way (a lookbehind, an optional opening group) is always run.
 */
final class Gate {

    private final List<String> literals;

    private Gate(List<String> literals) {
        this.literals = literals;
    }

    static Gate of(Pattern pattern) {
        List<String> literals = alternatives(pattern.pattern());
        return new Gate(literals == null ? null : literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
    }

    /** False only when the pattern certainly finds nothing in {@code lowerCased}. */
    boolean mayMatch(String lowerCased) {
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (lowerCased.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentences of {@code field} in which the pattern might match: those holding one of its
     * literals. All of them when the pattern has no gate, or when lower-casing changed the field's
     * length so that offsets no longer line up.
     */
    List<Sentence> candidates(Document document, String field, List<Sentence> sentences) {
        String lowerCased = document.lowerCased(field);
        if (literals == null || lowerCased.length() != document.field(field).length()) {
            return mayMatch(lowerCased) ? sentences : List.of();
        }
        List<Sentence> candidates = new ArrayList<>();
        boolean[] hit = new boolean[sentences.size()];
        for (String literal : literals) {
            for (int at = lowerCased.indexOf(literal); at >= 0; at = lowerCased.indexOf(literal, at + 1)) {
                int i = sentenceIndex(sentences, at);
                if (i >= 0) {
                    hit[i] = true;
                    // the rest of this sentence needs no second look
                    at = Math.max(at, sentences.get(i).end() - 1);
                }
            }
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (hit[i]) {
                candidates.add(sentences.get(i));
            }
        }
        return candidates;
    }

    /** The index of the sentence holding {@code offset}, or -1 (sentences are in field order). */
    private static int sentenceIndex(List<Sentence> sentences, int offset) {
        int low = 0;
        int high = sentences.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Sentence sentence = sentences.get(middle);
            if (offset < sentence.start()) {
                high = middle - 1;
            } else if (offset >= sentence.end()) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** The literals for a regex that may hold top-level alternatives; null when one cannot be read. */
    private static List<String> alternatives(String regex) {
        List<String> literals = new ArrayList<>();
        for (String alternative : splitTopLevel(regex)) {
            List<String> own = prefixes(alternative);
            if (own == null) {
                return null;
            }
            literals.addAll(own);
        }
        return literals;
    }

    /**
     * The most selective set of literals one of which a match of this alternative must contain:
     * of the required pieces of its sequence (runs of plain characters, groups that are not
     * optional), the one whose shortest literal is longest. Null when no piece is required.
     */
    private static List<String> prefixes(String alternative) {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        List<List<String>> finished = new ArrayList<>();
        int i = 0;
        while (i < alternative.length()) {
            char c = alternative.charAt(i);
            if (c == '(') {
                best = better(best, run);
                run.setLength(0);
                int close = closingParenthesis(alternative.substring(i));
                if (close < 0) {
                    return best;
                }
                String group = alternative.substring(i, i + close + 1);
                i += close + 1;
                boolean lookaround = group.startsWith("(?") && !group.startsWith("(?:");
                if (!lookaround && !optional(alternative, i)) {
                    best = better(best, alternatives(group.substring(group.startsWith("(?:") ? 3 : 1, group.length() - 1)));
                }
                i = skipQuantifier(alternative, i);
            } else if (c == '[') {
                best = better(best, run);
                run.setLength(0);
                int close = alternative.indexOf(']', i + 2);
                i = skipQuantifier(alternative, close < 0 ? alternative.length() : close + 1);
            } else if (c == '\\' && i + 1 < alternative.length()) {
                char escaped = alternative.charAt(i + 1);
                if (Character.isLetterOrDigit(escaped)) {
                    best = better(best, run); // \b, \w, \d, \s …: not a literal character
                    run.setLength(0);
                    i = skipQuantifier(alternative, i + 2);
                } else {
                    i = literal(alternative, i + 2, escaped, run, finished);
                }
            } else if ("?*+{".indexOf(c) >= 0) {
                i = skipQuantifier(alternative, i);
            } else if (c == '.' || c == '^' || c == '$') {
                best = better(best, run);
                run.setLength(0);
                i = skipQuantifier(alternative, i + 1);
            } else {
                i = literal(alternative, i + 1, c, run, finished);
            }
            for (List<String> piece : finished) {
                best = better(best, piece);
            }
            finished.clear();
        }
        return better(best, run);
    }

    /** Adds character {@code c} (ending at {@code next}) to the run, or ends the run where a quantifier follows. */
    private static int literal(String s, int next, char c, StringBuilder run, List<List<String>> finished) {
        if (optional(s, next)) {
            finished.add(run.isEmpty() ? null : List.of(run.toString()));
            run.setLength(0);
            return skipQuantifier(s, next);
        }
        run.append(c);
        if (next < s.length() && (s.charAt(next) == '+' || s.charAt(next) == '{')) {
            finished.add(List.of(run.toString()));
            run.setLength(0);
            return skipQuantifier(s, next);
        }
        return next;
    }

    private static int skipQuantifier(String s, int at) {
        if (at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '*' || s.charAt(at) == '+')) {
            at++;
        } else if (at < s.length() && s.charAt(at) == '{') {
            int close = s.indexOf('}', at);
            at = close < 0 ? s.length() : close + 1;
        }
        if (at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '+')) {
            at++; // lazy or possessive
        }
        return at;
    }

    private static List<String> better(List<String> best, StringBuilder run) {
        return run.length() == 0 ? best : better(best, List.of(run.toString()));
    }

    private static List<String> better(List<String> best, List<String> candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        int bestShortest = best.stream().mapToInt(String::length).min().orElse(0);
        int candidateShortest = candidate.stream().mapToInt(String::length).min().orElse(0);
        return candidateShortest > bestShortest ? candidate : best;
    }

    private static boolean optional(String s, int at) {
        return at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '*' || s.startsWith("{0", at));
    }

    private static int closingParenthesis(String s) {
        int[] depth = structure(s);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ')' && depth[i] == 1) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String regex) {
        int[] depth = structure(regex);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            if (regex.charAt(i) == '|' && depth[i] == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(regex.substring(start));
        return parts;
    }

    /**
     * The group depth before each character of a regex, or -1 where the character is escaped or
     * inside a character class and so has no structural meaning: the one scan both helpers need.
     */
    private static int[] structure(String regex) {
        int[] depth = new int[regex.length()];
        int level = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                depth[i] = -1;
                if (i + 1 < regex.length()) {
                    depth[++i] = -1;
                }
            } else if (inClass) {
                depth[i] = -1;
                inClass = c != ']';
            } else {
                depth[i] = level;
                if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    level++;
                } else if (c == ')') {
                    level--;
                }
            }
        }
        return depth;
    }
}
