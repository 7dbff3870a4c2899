/**
 * The ingest pipeline every item goes through, whatever its source: extract, drop what is
 * irrelevant, hand relevant items to the story stage (a Kafka Streams stage with its stories in
 * a state store) which publishes one event per story to {@code supply.events.v1}.
 */
package io.lodestone.ingest.publish;
