package io.lodestone.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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
 * @param only            the scenarios to run ({@link Scenario} names, lower case with dashes); empty for all
 */
record FaultPlan(String name, int itemsPerPhase, Duration gap, Duration serviceDown, Duration databaseDown,
                 Duration smtpDown, Duration stallBound, Duration drain, Set<String> only) {

    /** The scenarios, by the names {@code -Dfaults.only} takes. */
    enum Scenario {
        KILL_INGEST, KILL_SCORING, KILL_ALERT, BROKER_RESTART, BROKER_CRASH, DATABASE_DOWN, DATABASE_CRASH, SMTP_DOWN,
        STALLING_RECEIVER;

        String key() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    static final FaultPlan REDUCED = new FaultPlan("reduced", 8, Duration.ofMillis(700), Duration.ofSeconds(3),
            Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(45), Duration.ofMinutes(3), Set.of());

    static final FaultPlan FULL = new FaultPlan("full", 60, Duration.ofMillis(250), Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofMinutes(4), Duration.ofSeconds(45), Duration.ofMinutes(5), Set.of());

    /**
     * The plan the system properties ask for: {@code -Dfaults=full} or the reduced one, and
     * {@code -Dfaults.only=kill-alert,smtp-down} to run some scenarios alone.
     */
    static FaultPlan chosen() {
        FaultPlan plan = "full".equalsIgnoreCase(System.getProperty("faults", "reduced")) ? FULL : REDUCED;
        Set<String> only = Arrays.stream(System.getProperty("faults.only", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        Set<String> known = Arrays.stream(Scenario.values()).map(Scenario::key).collect(Collectors.toSet());
        if (!known.containsAll(only)) {
            throw new IllegalArgumentException("-Dfaults.only takes " + known + ", was " + only);
        }
        return new FaultPlan(plan.name(), plan.itemsPerPhase(), plan.gap(), plan.serviceDown(), plan.databaseDown(),
                plan.smtpDown(), plan.stallBound(), plan.drain(), only);
    }

    boolean runs(Scenario scenario) {
        return only.isEmpty() || only.contains(scenario.key());
    }
}
