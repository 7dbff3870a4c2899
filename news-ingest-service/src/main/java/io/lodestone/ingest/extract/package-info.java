/**
 * Extraction: turns one {@code NewsItem} into a {@code SupplyEventDetected} with rules and
 * dictionaries only — which elements and groups it is about, what kind of supply event it reports,
 * in which direction, how severe, which countries and companies, and the sentences that say so.
 * Deterministic and offline; the dictionaries are the tab-separated files under
 * {@code src/main/resources/extract/}, so a reader can see every word that moved a decision.
 * <p>
 * This package is the entry point ({@code Extractor}, {@code Extraction}, {@code EventIds}); the
 * stages live in sub-packages, in pipeline order: {@code sentences}, {@code dictionary} (the rule
 * files and their matching), {@code elements}, {@code clauses}, {@code classification},
 * {@code relevance}, {@code evidence}.
 */
package io.lodestone.ingest.extract;
