package io.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An item's title and text cut into sentences, with the year it was published (when known) so
 * that "in 2023" can be recognised as a recollection in an item from 2025.
 */
final class Document {

    static final String TITLE = "title";
    static final String TEXT = "text";

    private static final Set<String> ABBREVIATIONS = Set.of("u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr",
            "no", "nos", "inc", "corp", "ltd", "co", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "vs", "e.g", "i.e", "approx", "gov", "rep", "sen", "gen", "jr", "sr", "est");

    final String title;
    final String text;
    final Integer publishedYear;
    final List<Sentence> sentences;
    private final String lowerTitle;
    private final String lowerText;

    Document(String title, String text, Integer publishedYear) {
        this.title = title == null ? "" : title;
        this.text = text == null ? "" : text;
        this.publishedYear = publishedYear;
        List<Sentence> all = new ArrayList<>();
        if (!this.title.isBlank()) {
            Sentence whole = trimmed(TITLE, this.title, 0, this.title.length(), 0);
            if (whole != null) {
                all.add(whole);
            }
        }
        split(TEXT, this.text, all);
        this.sentences = Collections.unmodifiableList(all);
        this.lowerTitle = this.title.toLowerCase(Locale.ROOT);
        this.lowerText = this.text.toLowerCase(Locale.ROOT);
    }

    /** The field lower-cased, for {@link Gate} checks only (offsets may differ from the field's). */
    String lowerCased(String name) {
        return TITLE.equals(name) ? lowerTitle : lowerText;
    }

    String field(String name) {
        return TITLE.equals(name) ? title : text;
    }

    Sentence sentenceAt(String field, int offset) {
        for (Sentence sentence : sentences) {
            if (sentence.contains(field, offset)) {
                return sentence;
            }
        }
        return null;
    }

    /** Splits at Chinese full stops and marks, line breaks, and Latin stops that end a sentence. */
    private static void split(String field, String s, List<Sentence> out) {
        int start = 0;
        int rank = 1;
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
                    out.add(sentence);
                    rank++;
                }
                start = i + 1;
            }
        }
        Sentence last = trimmed(field, s, start, s.length(), rank);
        if (last != null) {
            out.add(last);
        }
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
        String word = s.substring(wordStart, dot).replaceAll("^[\"“(]+", "");
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial, as in "George W. Bush"
        }
        return !ABBREVIATIONS.contains(word.toLowerCase());
    }

    private static Sentence trimmed(String field, String s, int start, int end, int rank) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Sentence(field, start, end, rank) : null;
    }
}
