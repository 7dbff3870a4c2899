/**
 * Polling sources: the configured ones and the built-in catalogue of publishers; conditional HTTP
 * fetches with timeouts, size caps, egress checks, a per-host rate limit and backoff; parsers that
 * turn a feed, a JSON API response or a notice list page (and its notices' pages, read once and
 * remembered in Kafka, and only where robots.txt allows) into {@code NewsItem}s; and a per-source
 * status that health, metrics and {@code GET /api/v1/sources} report; operators' runtime changes
 * (sources switched, added, deleted), kept in a compacted topic every replica replays.
 */
package io.lodestone.ingest.source;
