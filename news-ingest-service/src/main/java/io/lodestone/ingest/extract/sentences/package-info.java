/**
 * First stage of extraction: an item's title and text as sentences with ranks (title, lead, body),
 * the text folded for keyword search, the item's language and script, and the date an undated item
 * is read against.
 */
package io.lodestone.ingest.extract.sentences;
