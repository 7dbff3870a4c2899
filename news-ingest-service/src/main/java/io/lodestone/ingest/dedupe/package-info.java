/**
 * Deduplication: the same story reported by several outlets is one event. Exact copies are
 * dropped; near-duplicates are folded into the first event of their story, which is republished
 * under its own id with more corroborations.
 */
package io.lodestone.ingest.dedupe;
