/**
 * The read-only query API: current risk of every element, and one element with its baseline,
 * trend and contributing events. Answers come from the Kafka Streams state store; a request for
 * an element held by another instance is forwarded to that instance.
 */
package io.lodestone.scoring.api;
