package io.lodestone.local;

import java.time.Duration;

/**
 * How hard the fault suite pushes: the reduced plan runs in every build, the full plan with
 * {@code -Dfaults=full} (see docs/RELIABILITY.md). Both run every scenario; the full plan sends
 * more items and holds each outage as long as the reliability promise names.
 *
 * @param name            {@code reduced} or {@code full}, for the report
 * @param itemsPerPhase   distinct items pushed while each fault happens
 * @param gap             pause between two pushes
 * @param serviceDown     how long a killed service stays dead before it is started again
 * @param databaseDown    how long PostgreSQL stays stopped
 * @param smtpDown        how long the SMTP server stays stopped
 * @param stallBound      how long another subscription's webhook may take while a receiver stalls
 * @param drain           how long the suite waits, after the last fault, for everything to be scored and delivered
 */
record FaultPlan(String name, int itemsPerPhase, Duration gap, Duration serviceDown, Duration databaseDown,
                 Duration smtpDown, Duration stallBound, Duration drain) {

    static final FaultPlan REDUCED = new FaultPlan("reduced", 8, Duration.ofMillis(700), Duration.ofSeconds(3),
            Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(45), Duration.ofMinutes(3));

    static final FaultPlan FULL = new FaultPlan("full", 60, Duration.ofMillis(250), Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofMinutes(4), Duration.ofSeconds(45), Duration.ofMinutes(5));

    /** The plan the {@code faults} system property asks for: {@code full}, anything else reduced. */
    static FaultPlan chosen() {
        return "full".equalsIgnoreCase(System.getProperty("faults", "reduced")) ? FULL : REDUCED;
    }

    int totalItems() {
        return itemsPerPhase * 6;
    }
}
