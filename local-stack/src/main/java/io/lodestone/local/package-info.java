/**
 * The one-command local stack: real Kafka (KRaft), real PostgreSQL, a mail catcher and the three
 * services, on one machine, with state kept under one folder between runs.
 */
package io.lodestone.local;
