package io.lodestone.ingest.extract.dictionary;

import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * One dictionary's rules, registered in the shared {@link Lexicon}: finds where they match in a
 * document by confirming each keyword occurrence with the rule's pattern, anchored at the keyword
 * ({@code lookingAt}), inside the keyword's sentence. A match therefore never crosses a sentence.
 * A pattern keyed on a rare word that looks behind it for a common one reports its match from
 * the common word on when it names that place ({@link Rule#FROM}).
 */
public final class Rulebook {

    /** Receives one match: the rule's index in this dictionary, its sentence and its span. */
    public interface Sink {
        void match(int rule, Sentence sentence, int start, int end);

        /**
         * A match whose reported start lies before the keyword it was found at ({@link Rule#FROM}):
         * {@code keyword} is where that keyword stands, and where the match's clause is judged (a
         * negator between the two, 出口仍未获得批准, negates it). By default, the match alone.
         */
        default void match(int rule, Sentence sentence, int start, int end, int keyword) {
            match(rule, sentence, start, end);
        }
    }

    /** Which matches count, by where they stand. */
    public interface Place {
        boolean accepts(Sentence sentence, int start, int end);
    }

    private final List<Rule> rules;
    /** Per rule: whether its pattern names where its match begins ({@link Rule#FROM}). */
    private final boolean[] reportsFrom;
    private final int offset;
    /** One matcher per rule and thread, reset to each field: no matcher is built per keyword. */
    private final ThreadLocal<Matcher[]> matchers;

    public Rulebook(Lexicon.Builder lexicon, List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.reportsFrom = new boolean[this.rules.size()];
        for (int i = 0; i < reportsFrom.length; i++) {
            reportsFrom[i] = this.rules.get(i).reportsFrom();
        }
        this.offset = lexicon.register(this.rules);
        this.matchers = ThreadLocal.withInitial(() -> new Matcher[this.rules.size()]);
    }

    /** A file of plain rules, {@code keywords <TAB> pattern} a line. */
    public static Rulebook load(String file, Lexicon.Builder lexicon) {
        return new Rulebook(lexicon, Dictionary.rows(file, 2).stream()
                .map(row -> Rule.of(row.cell(0), row.cell(1), row.where())).toList());
    }

    public int size() {
        return rules.size();
    }

    /**
     * Reports matches in field order. With {@code firstPerSentence}, at most one match per rule
     * and sentence (the leftmost); otherwise every match that does not overlap the rule's previous
     * one.
     */
    public void matches(Document document, boolean firstPerSentence, Sink sink) {
        matches(document, sentence -> true, firstPerSentence, sink, null);
    }

    /**
     * Whether any rule matches in a sentence that {@code within} accepts (the title, the first
     * sentences): patterns run only there, and the search ends at the first match.
     */
    public boolean matchesAny(Document document, Predicate<Sentence> within) {
        boolean[] found = {false};
        matches(document, within, true, (rule, sentence, start, end) -> found[0] = true, (sentence, start, end) -> true);
        return found[0];
    }

    /**
     * Whether any rule matches, in a sentence that {@code within} accepts, at a place that
     * {@code place} accepts (outside a clause of some kind); the search ends at the first such match.
     */
    public boolean matchesAny(Document document, Predicate<Sentence> within, Place place) {
        boolean[] found = {false};
        matches(document, within, false, (rule, sentence, start, end) -> found[0] |= place.accepts(sentence, start, end),
                (sentence, start, end) -> found[0]);
        return found[0];
    }

    private void matches(Document document, Predicate<Sentence> within, boolean firstPerSentence, Sink sink,
                         Place stopAfter) {
        int[] lastSentence = new int[rules.size()];
        int[] lastEnd = new int[rules.size()];
        for (Field field : Field.values()) {
            long[] occurrences = document.occurrences(field);
            if (occurrences.length == 0) {
                continue;
            }
            java.util.Arrays.fill(lastSentence, -1);
            java.util.Arrays.fill(lastEnd, -1);
            String s = document.field(field);
            String folded = document.folded(field);
            Matcher[] byRule = matchers.get();
            boolean[] reset = new boolean[rules.size()];
            // occurrences come sorted by start, so the sentence of each is found by walking forward
            List<Sentence> sentences = document.sentences(field);
            int cursor = 0;
            for (long occurrence : occurrences) {
                int index = (int) occurrence - offset;
                if (index < 0 || index >= rules.size()) {
                    continue;
                }
                int start = (int) (occurrence >>> 32);
                if (start < lastEnd[index]) {
                    continue;
                }
                while (cursor < sentences.size() && start >= sentences.get(cursor).end()) {
                    cursor++;
                }
                Sentence sentence = cursor < sentences.size() && start >= sentences.get(cursor).start()
                        ? sentences.get(cursor) : null;
                if (sentence == null || (firstPerSentence && lastSentence[index] == sentence.rank())
                        || !within.test(sentence)) {
                    continue;
                }
                Rule rule = rules.get(index);
                int keyword = start;
                int end;
                if (rule.pattern() == null) {
                    end = start + Lexicon.keywordAt(rule, folded, start);
                    if (end > sentence.end()) {
                        continue;
                    }
                } else {
                    Matcher matcher = byRule[index];
                    if (matcher == null) {
                        matcher = byRule[index] = rule.pattern().matcher(s);
                        reset[index] = true;
                    } else if (!reset[index]) {
                        matcher.reset(s);
                        reset[index] = true;
                    }
                    matcher.region(start, sentence.end()).useTransparentBounds(true).useAnchoringBounds(false);
                    if (!matcher.lookingAt()) {
                        continue;
                    }
                    end = matcher.end();
                    if (reportsFrom[index]) {
                        int from = matcher.start(Rule.FROM);
                        if (from >= 0 && from < start) {
                            if (from < sentence.start()) {
                                continue; // a match never crosses a sentence
                            }
                            start = from;
                        }
                    }
                }
                lastSentence[index] = sentence.rank();
                lastEnd[index] = firstPerSentence ? -1 : Math.max(end, start + 1);
                sink.match(index, sentence, start, end, keyword);
                if (stopAfter != null && stopAfter.accepts(sentence, start, end)) {
                    return;
                }
            }
        }
    }
}
