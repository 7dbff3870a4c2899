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
