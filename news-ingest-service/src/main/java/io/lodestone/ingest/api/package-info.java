/**
 * The HTTP API of news-ingest-service: push items ({@code POST /api/v1/items}), dry-run
 * extraction ({@code POST /api/v1/extract}), and sources: their status ({@code GET /api/v1/sources})
 * and operators' changes (switch, add, delete).
 */
package io.lodestone.ingest.api;
