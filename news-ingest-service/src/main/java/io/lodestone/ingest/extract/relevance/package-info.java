/**
 * Whether an item is news about mineral supply at all (minimum event strength, supply against
 * noise words, explainers and teaching text), and which of the elements it names are its subject.
 */
package io.lodestone.ingest.extract.relevance;
