/**
 * The dictionaries a domain expert edits (tab-separated files under {@code extract/}): every line
 * declares its keywords and, where needed, a pattern; all keywords of all files are found in one
 * Aho-Corasick pass over the folded text, and a pattern only runs anchored at one of its keywords.
 */
package io.lodestone.ingest.extract.dictionary;
