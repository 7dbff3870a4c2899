package io.lodestone.ingest.extract;

import io.lodestone.ingest.item.NewsItem;
import java.time.Instant;

/** The real extractor, except that it fails as a defect would on items whose title holds a word. */
public final class FailingExtractor extends Extractor {

    private final String word;

    private FailingExtractor(String word) {
        this.word = word;
    }

    /** Overflows the stack on an item whose title contains {@code word}, as a runaway pattern did. */
    public static Extractor overflowingOn(String word) {
        return new FailingExtractor(word);
    }

    @Override
    public Extraction extract(NewsItem item, Instant detectedAt) {
        if (item.title().contains(word)) {
            throw new StackOverflowError();
        }
        return super.extract(item, detectedAt);
    }
}
