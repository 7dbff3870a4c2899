/**
 * Extraction: turns one {@code NewsItem} into a {@code SupplyEventDetected} with rules and
 * dictionaries only — which elements and groups it is about, what kind of supply event it reports,
 * in which direction, how severe, which countries and companies, and the sentences that say so.
 * Deterministic and offline; the dictionaries are the tab-separated files under
 * {@code src/main/resources/extract/}, so a reader can see every word that moved a decision.
 */
package io.lodestone.ingest.extract;
