/**
 * Clause scope: which stretches of a sentence recall the past, give a cause or setting, are negated
 * or hedged, so that the cues and names in them count for less (or, for recollections, not at all).
 */
package io.lodestone.ingest.extract.clauses;
