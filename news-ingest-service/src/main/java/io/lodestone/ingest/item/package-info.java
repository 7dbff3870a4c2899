/**
 * The normalised news item: what every source (feed, JSON API, push API, bulk import) produces
 * and what extraction and deduplication take.
 */
package io.lodestone.ingest.item;
