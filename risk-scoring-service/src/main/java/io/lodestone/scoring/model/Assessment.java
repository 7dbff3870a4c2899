package io.lodestone.scoring.model;

import io.lodestone.events.Contributor;
import java.util.List;

/**
 * The score of an element at one instant and the events behind it.
 *
 * @param score        0 to 100, unrounded
 * @param baseline     the structural part
 * @param pressure     net event pressure after the group cap (negative when easing dominates)
 * @param contributors every impact's share of {@code score - baseline}, largest absolute share first
 */
public record Assessment(double score, double baseline, double pressure, List<Contributor> contributors) {

    public Assessment {
        contributors = List.copyOf(contributors);
    }
}
