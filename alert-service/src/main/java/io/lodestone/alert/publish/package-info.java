/**
 * Publication of the alert lifecycle on {@code alerts.v1} through a transactional outbox:
 * events are written with the decision and relayed to Kafka after commit, at least once, in order.
 */
package io.lodestone.alert.publish;
