package io.lodestone.scoring.backtest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.lodestone.events.RiskLevel;

/**
 * One element at one step of a backtest.
 *
 * @param date           the step (a day when the step is whole days): the risk at its end, events of that step included
 * @param element        the element symbol
 * @param score          score, one decimal
 * @param level          level after hysteresis
 * @param topContributor the event that moves the score most at that time, or null for baseline alone
 */
@JsonPropertyOrder({"date", "element", "score", "level", "topContributor"})
public record TimelineRow(String date, String element, double score, RiskLevel level, TopContributor topContributor) {

    /** The largest contributor of a row. */
    @JsonPropertyOrder({"eventId", "title", "contribution"})
    public record TopContributor(String eventId, String title, double contribution) {
    }
}
