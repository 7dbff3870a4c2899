/**
 * How the Kafka Streams stages of a service fail: a failed stream thread is replaced within a
 * budget, and a stage that stops for good makes the service not live, so it is restarted.
 */
package io.lodestone.service.streams;
