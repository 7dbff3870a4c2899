/**
 * The HTTP API of news-ingest-service: push items ({@code POST /api/v1/items}), dry-run
 * extraction ({@code POST /api/v1/extract}), and source status ({@code GET /api/v1/sources}).
 */
package io.lodestone.ingest.api;
