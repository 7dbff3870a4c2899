package io.lodestone.ingest.item;

import java.time.Instant;

/**
 * One news or policy item, normalised from whatever source it came from.
 *
 * @param id          the item's id as its source gives it (feed GUID, API id, pushed id); never null
 * @param sourceId    the configured source it came from ({@code push} for the push API, {@code import} for bulk import)
 * @param title       the headline, plain text
 * @param text        the body or summary, plain text (markup already stripped)
 * @param url         the link to the item, or null
 * @param publishedAt when the item was published; the event time
 * @param language    BCP 47 tag if the source states it ({@code en}, {@code zh-Hans}), else null to detect
 */
public record NewsItem(String id, String sourceId, String title, String text, String url, Instant publishedAt,
                       String language) {
}
