/**
 * Bulk import of a JSONL file of items for backfills, through the same pipeline as every other
 * source: {@code java -jar news-ingest-service.jar import items.jsonl}.
 */
package io.lodestone.ingest.backfill;
