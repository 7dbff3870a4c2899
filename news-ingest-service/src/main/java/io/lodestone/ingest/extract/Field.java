package io.lodestone.ingest.extract;

/** The two fields of an item that extraction reads: the headline and the body. */
enum Field {
    TITLE("title"),
    TEXT("text");

    private final String wireName;

    Field(String wireName) {
        this.wireName = wireName;
    }

    /** The name evidence records carry ({@code title}, {@code text}). */
    String wireName() {
        return wireName;
    }
}
