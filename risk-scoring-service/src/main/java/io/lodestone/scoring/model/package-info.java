/**
 * The risk model in plain Java, with no Kafka and no Spring: a structural baseline per element
 * from supply concentration, plus event pressure that decays with a half-life per event type,
 * squashed into a 0–100 score and read as a level with hysteresis. The stream and the backtest
 * both call {@link io.lodestone.scoring.model.RiskEngine}, so they cannot disagree.
 */
package io.lodestone.scoring.model;
