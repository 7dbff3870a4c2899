/**
 * The offline backtest: replays supply events from JSON lines through the real scoring topology
 * in-process (Kafka Streams' test driver, simulated wall clock, no broker) and writes the risk of
 * every element at every step, byte for byte the same for the same input.
 */
package io.lodestone.scoring.backtest;
