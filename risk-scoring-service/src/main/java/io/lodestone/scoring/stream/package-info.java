/**
 * The Kafka Streams topology: supply events in, parsed (poison records to the dead-letter topic in
 * the same transaction), fanned out to the elements they reach, re-keyed by element, folded into
 * a per-element state store, re-evaluated on a wall-clock schedule, and published as
 * {@code ElementRiskChanged} on the compacted {@code element.risk.v1}.
 */
package io.lodestone.scoring.stream;
