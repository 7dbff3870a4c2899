package io.lodestone.ingest.extract.relevance;

import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;

/**
 * Recognises background reading and teaching text, which is never news however much it speaks
 * of supply: a title that announces it (explainer-titles.tsv: "What are …", "Why China …",
 * 为什么…, "Top 10 …"), a body that says it teaches (explainer-texts.tsv: "this article explores",
 * 本文将, "answer the questions", 阅读下面), or a body in which questions make up at least
 * {@value #QUESTION_SHARE} of at least {@value #MINIMUM_QUESTIONS} sentences (Q&amp;A formats); a
 * "sentence" of a stray mark or two, such as a "?" left where copying lost a symbol, counts for
 * neither.
 * <p>
 * The title and text rules announce an explainer whatever else the item says; a title that only asks
 * whether something happens ({@link #asks}) does not when the body's lead states that it did. The body's forecast
 * words and questions do not outweigh a headline that reports an event in strong words ("Indonesia
 * halts nickel ore exports", …建成投产): news often goes on with what analysts expect (预计…) or
 * with a few questions and answers for readers, and is news still ({@link #announced} and
 * {@link #readsAsExplainer} apart, the caller decides).
 */
public final class Explainers {

    public static final double QUESTION_SHARE = 0.25;
    public static final int MINIMUM_QUESTIONS = 3;
    /** Fewer letters or digits than this make no sentence, and no question. */
    public static final int MINIMUM_WORD_CHARACTERS = 3;

    private Explainers() {
    }

    /** Whether a title rule or a text rule says that the item teaches or explains. */
    public static boolean announced(Document document, Rulebook titles, Rulebook texts) {
        return titles.matchesAny(document, sentence -> sentence.field() == Field.TITLE)
                || texts.matchesAny(document, sentence -> sentence.field() == Field.TEXT);
    }

    /**
     * Whether the title asks whether something happens (question-titles.tsv: "Will …?", …吗？,
     * …能否…？): argument, unless the caller finds the lead answering it with the event.
     */
    public static boolean asks(Document document, Rulebook questions) {
        return questions.matchesAny(document, sentence -> sentence.field() == Field.TITLE);
    }

    /** Whether the body reads as an outlook (forecast words) or a Q&amp;A (questions). */
    public static boolean readsAsExplainer(Document document, Rulebook outlook) {
        if (isOutlook(document, outlook)) {
            return true;
        }
        int questions = 0;
        int sentences = 0;
        for (Sentence sentence : document.sentences(Field.TEXT)) {
            if (!worded(document.text, sentence)) {
                // a stray mark ("?" where copying lost a symbol or an emoji) asks nothing
                continue;
            }
            sentences++;
            if (sentence.endsInQuestionMark(document.text)) {
                questions++;
            }
        }
        return questions >= MINIMUM_QUESTIONS && questions >= QUESTION_SHARE * sentences;
    }

    /** Whether the sentence holds at least {@value #MINIMUM_WORD_CHARACTERS} letters or digits. */
    private static boolean worded(String text, Sentence sentence) {
        int characters = 0;
        for (int i = sentence.start(); i < sentence.end() && characters < MINIMUM_WORD_CHARACTERS; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                characters++;
            }
        }
        return characters >= MINIMUM_WORD_CHARACTERS;
    }

    /** Forecast words (outlook-words.tsv) in at least three sentences and a quarter of them. */
    private static boolean isOutlook(Document document, Rulebook outlook) {
        java.util.Set<Integer> forecasting = new java.util.HashSet<>();
        outlook.matches(document, true, (rule, sentence, start, end) -> forecasting.add(sentence.rank()));
        return forecasting.size() >= MINIMUM_QUESTIONS && forecasting.size() >= QUESTION_SHARE * document.sentences.size();
    }
}
