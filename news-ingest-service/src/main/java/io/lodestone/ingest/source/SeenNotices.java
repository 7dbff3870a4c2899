package io.lodestone.ingest.source;

/**
 * The notices an {@code html-list} source has already read, so a detail page is fetched once
 * and a restart does not fetch them all again.
 */
interface SeenNotices {

    boolean seen(String sourceId, String url);

    /** Records a notice as read; returns once the record is durable. */
    void remember(String sourceId, String url);

    /** False while what was remembered before the start is still being loaded. */
    boolean restored();
}
