/**
 * The ingest pipeline every item goes through, whatever its source: extract, drop what is
 * irrelevant, deduplicate, publish to {@code supply.events.v1} and wait for the broker's ack.
 */
package io.lodestone.ingest.publish;
