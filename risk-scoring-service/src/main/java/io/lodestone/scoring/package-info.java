/**
 * risk-scoring-service: keeps a live, explainable risk level per element from
 * {@code supply.events.v1} and publishes its changes on {@code element.risk.v1}.
 */
package io.lodestone.scoring;
