/**
 * The Lodestone event contract: every message that crosses a Kafka topic, the topic catalogue
 * that binds each topic to its key and payload types, the element catalogue, and the CloudEvents
 * header convention. Plain Java so that any service, and any integration, can depend on it.
 * Contracts evolve additively; a breaking change is a new topic version.
 */
package io.lodestone.events;
