/**
 * The sentences quoted as evidence for each decision, exactly as they stand in their field.
 */
package io.lodestone.ingest.extract.evidence;
