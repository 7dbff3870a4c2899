/**
 * Polling configured sources: conditional HTTP fetches with timeouts, size caps and backoff,
 * parsers that turn a feed or a JSON API response into {@code NewsItem}s, and a per-source status
 * that health, metrics and {@code GET /api/v1/sources} report.
 */
package io.lodestone.ingest.source;
