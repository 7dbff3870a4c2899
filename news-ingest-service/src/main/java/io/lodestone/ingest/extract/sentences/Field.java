package io.lodestone.ingest.extract.sentences;

/** The two fields of an item that extraction reads: the headline and the body. */
public enum Field {
    TITLE("title"),
    TEXT("text");

    private final String wireName;

    Field(String wireName) {
        this.wireName = wireName;
    }

    /** The name evidence records carry ({@code title}, {@code text}). */
    public String wireName() {
        return wireName;
    }
}
