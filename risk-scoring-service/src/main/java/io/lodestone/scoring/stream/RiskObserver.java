package io.lodestone.scoring.stream;

import io.lodestone.events.ElementRiskChanged;

/**
 * Told what the topology does, so the live service can count it; the backtest and the tests use
 * {@link #NONE}. Called on the stream thread: implementations must be quick and never throw.
 */
public interface RiskObserver {

    RiskObserver NONE = new RiskObserver() {
    };

    /** A risk change was forwarded to {@code element.risk.v1}. */
    default void published(ElementRiskChanged change) {
    }

    /** A record could not be read and was sent to the dead-letter topic. */
    default void deadLettered() {
    }
}
