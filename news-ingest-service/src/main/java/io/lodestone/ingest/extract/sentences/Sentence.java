package io.lodestone.ingest.extract.sentences;

/**
 * One sentence of an item, located in its field.
 *
 * @param field the field it stands in
 * @param start offset of the first character in the field
 * @param end   offset just past the last character
 * @param rank  0 for the title, then 1, 2, … for the sentences of the text in order
 */
public record Sentence(Field field, int start, int end, int rank) {

    public boolean contains(Field field, int offset) {
        return this.field == field && offset >= start && offset < end;
    }

    /** Whether the sentence, read in {@code s} (its field's text), ends in a question mark, trailing spaces aside. */
    public boolean endsInQuestionMark(String s) {
        int last = end;
        while (last > start && Character.isWhitespace(s.charAt(last - 1))) {
            last--;
        }
        return last > start && (s.charAt(last - 1) == '?' || s.charAt(last - 1) == '？');
    }

    /**
     * How much a cue in this sentence counts: the headline states the news, the lead sentence
     * restates it, later sentences add context.
     */
    public double weight() {
        if (rank == 0) {
            return 2.5;
        }
        if (rank == 1) {
            return 1.5;
        }
        return rank <= 3 ? 1.2 : 1.0;
    }
}
