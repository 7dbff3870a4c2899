package io.lodestone.scoring.model;

import io.lodestone.events.Contributor;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import io.lodestone.events.SupplyEventDetected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole model behind one door: events become impacts, impacts and time become a score, a
 * score and the previous level become a level, and a big enough move becomes a change to
 * publish. The stream processor and the backtest are thin shells over this class.
 *
 * <p>{@code score = B + (100 − B)(1 − e^(−P/S))} for net pressure {@code P ≥ 0}, and
 * {@code B − easingFloor·B·(1 − e^(P/S))} for {@code P < 0}: saturating both ways, never past 0
 * or 100. A score depends only on the set of impacts and the instant, so replays agree whatever
 * the order events arrive in.
 */
public final class RiskEngine {

    /** Window over which the trend compares scores. */
    public static final Duration TREND_WINDOW = Duration.ofDays(7);

    private final Baselines baselines;
    private final ModelParameters parameters;
    private final EventImpacts eventImpacts;
    private final String modelVersion;
    private final double publishStep;

    /**
     * @param publishStep smallest score move, in points, that is published without a level change
     */
    public RiskEngine(Baselines baselines, ModelParameters parameters, double publishStep) {
        this.baselines = baselines;
        this.parameters = parameters;
        this.modelVersion = ModelVersion.of(parameters, baselines);
        this.eventImpacts = new EventImpacts(parameters, modelVersion);
        this.publishStep = publishStep;
    }

    /** The shipped baselines and default parameters. */
    public static RiskEngine standard(double publishStep) {
        return new RiskEngine(Baselines.load(), ModelParameters.DEFAULT, publishStep);
    }

    /** One evaluation: the element's new state, and the change to publish if the move is big enough. */
    public record Step(ElementRisk state, Optional<ElementRiskChanged> change) {
    }

    public Baselines baselines() {
        return baselines;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    /** The {@link ModelVersion} of these parameters and baselines: stamped on every impact and change. */
    public String modelVersion() {
        return modelVersion;
    }

    /** The impacts of an event on each element it reaches, dated as the event says. */
    public Map<String, Impact> impactsOf(SupplyEventDetected event) {
        return eventImpacts.of(event);
    }

    /**
     * The impacts of an event scored at {@code clock}, dated by the {@link EventTimes} rule: no
     * later than the clock.
     *
     * @throws EventTimes.EventTimeOutOfRangeException for a date the model refuses
     */
    public Map<String, Impact> impactsOf(SupplyEventDetected event, Instant clock) {
        Instant at = EventTimes.scoredTime(event.publishedAt(), clock);
        Map<String, Impact> impacts = eventImpacts.of(event);
        if (!at.equals(event.publishedAt())) {
            impacts.replaceAll((symbol, impact) -> impact.datedAt(at));
        }
        return impacts;
    }

    /** The state of an element no event has reached yet: its baseline. */
    public ElementRisk initial(String element) {
        double baseline = baselines.scoreOf(element);
        return new ElementRisk(element, List.of(), baseline, RiskLevel.of(baseline), null, null, null);
    }

    /**
     * Adds an impact (replacing an earlier one of the same event, unless that one had more
     * corroborations) and re-evaluates at {@code at}.
     */
    public Step record(ElementRisk current, Impact impact, Instant at) {
        List<Impact> impacts = new ArrayList<>(current.impacts().size() + 1);
        boolean replaced = false;
        for (Impact existing : current.impacts()) {
            if (existing.eventId().equals(impact.eventId())) {
                impacts.add(impact.corroborations() >= existing.corroborations() ? impact : existing);
                replaced = true;
            } else {
                impacts.add(existing);
            }
        }
        if (!replaced) {
            impacts.add(impact);
        }
        return evaluate(current, impacts, at);
    }

    /** Re-evaluates an element at {@code at} without news: decay alone. */
    public Step reevaluate(ElementRisk current, Instant at) {
        return evaluate(current, current.impacts(), at);
    }

    private Step evaluate(ElementRisk current, List<Impact> impacts, Instant at) {
        List<Impact> kept = prune(impacts, at);
        double score = assess(current.element(), kept, at).score();
        RiskLevel level = levelAfter(current.level(), score, parameters.hysteresis());
        ElementRisk evaluated = current.withEvaluation(kept, score, level, at);
        if (!worthPublishing(evaluated)) {
            return new Step(evaluated, Optional.empty());
        }
        double baseline = baselines.scoreOf(current.element());
        // An element's first change names its baseline as where it moved from, so a rise is a rise
        // to every reader from the very first record.
        double previousScore = current.publishedScore() == null ? baseline : current.publishedScore();
        RiskLevel previousLevel = current.publishedLevel() == null ? RiskLevel.of(baseline) : current.publishedLevel();
        ElementRiskChanged change = new ElementRiskChanged(ElementRiskChanged.SCHEMA_VERSION, current.element(),
                round(score), level, round(previousScore), previousLevel, round(baseline), at,
                topContributors(current.element(), kept, at), modelVersion);
        return new Step(evaluated.published(), Optional.of(change));
    }

    private boolean worthPublishing(ElementRisk state) {
        return state.publishedLevel() == null
                || state.level() != state.publishedLevel()
                || Math.abs(state.score() - state.publishedScore()) >= publishStep;
    }

    /**
     * The level for a score, given the level held before: up as soon as a band is reached, down
     * only once the score is {@code hysteresis} points below the band held.
     */
    public static RiskLevel levelAfter(RiskLevel held, double score, double hysteresis) {
        RiskLevel plain = RiskLevel.of(score);
        if (held == null || plain.isAtLeast(held)) {
            return plain;
        }
        RiskLevel sticky = RiskLevel.of(score + hysteresis);
        return sticky.isAtLeast(held) ? held : sticky;
    }

    /** The score at {@code at} from these impacts, and each one's share of it. */
    public Assessment assess(String element, List<Impact> impacts, Instant at) {
        double baseline = baselines.scoreOf(element);
        double namedUp = 0;
        double groupUp = 0;
        double namedDown = 0;
        double groupDown = 0;
        for (Impact impact : impacts) {
            double pressure = impact.pressureAt(at);
            boolean named = impact.reach() == Reach.NAMED;
            if (pressure >= 0) {
                if (named) { namedUp += pressure; } else { groupUp += pressure; }
            } else {
                if (named) { namedDown -= pressure; } else { groupDown -= pressure; }
            }
        }
        double groupUpScale = capScale(groupUp);
        double groupDownScale = capScale(groupDown);
        double up = namedUp + groupUp * groupUpScale;
        double down = namedDown + groupDown * groupDownScale;
        double scoreUpOnly = scoreFor(baseline, up);
        double score = scoreFor(baseline, up - down);

        List<Contributor> contributors = new ArrayList<>(impacts.size());
        for (Impact impact : impacts) {
            double pressure = impact.pressureAt(at);
            double effective = pressure * (impact.reach() == Reach.NAMED ? 1 : (pressure >= 0 ? groupUpScale : groupDownScale));
            double share = pressure >= 0
                    ? (up == 0 ? 0 : effective / up * (scoreUpOnly - baseline))
                    : (down == 0 ? 0 : -effective / down * (score - scoreUpOnly));
            contributors.add(impact.asContributor(round(share)));
        }
        contributors.sort(Comparator.comparingDouble((Contributor c) -> -Math.abs(c.contribution()))
                .thenComparing(Contributor::eventId));
        return new Assessment(score, baseline, up - down, contributors);
    }

    /** Score from baseline and net pressure, saturating towards 100 and towards the easing floor. */
    double scoreFor(double baseline, double pressure) {
        double s = parameters.saturation();
        double score = pressure >= 0
                ? baseline + (100 - baseline) * (1 - Math.exp(-pressure / s))
                : baseline - parameters.easingFloor() * baseline * (1 - Math.exp(pressure / s));
        return Math.max(0, Math.min(100, score));
    }

    /** Factor that squashes a group-only pressure sum under the group cap (1 for small sums). */
    private double capScale(double groupPressure) {
        double cap = parameters.groupPressureCap();
        return groupPressure == 0 ? 1 : cap * (1 - Math.exp(-groupPressure / cap)) / groupPressure;
    }

    /** The score the same events gave {@link #TREND_WINDOW} earlier, counting only events published by then. */
    public double scoreBefore(String element, List<Impact> impacts, Instant at) {
        Instant earlier = at.minus(TREND_WINDOW);
        List<Impact> known = impacts.stream().filter(i -> !i.publishedAt().isAfter(earlier)).toList();
        return assess(element, known, earlier).score();
    }

    /** Direction of the score over the trend window. */
    public Trend trend(ElementRisk state) {
        if (state.asOf() == null) {
            return Trend.STEADY;
        }
        return Trend.of(state.score() - scoreBefore(state.element(), state.impacts(), state.asOf()));
    }

    public List<Contributor> topContributors(String element, List<Impact> impacts, Instant at) {
        return assess(element, impacts, at).contributors().stream()
                .filter(c -> c.contribution() != 0)
                .limit(parameters.topContributors())
                .toList();
    }

    /** Forgets impacts too small to matter, and the weakest beyond the per-element limit. */
    private List<Impact> prune(List<Impact> impacts, Instant at) {
        List<Impact> kept = new ArrayList<>(impacts.size());
        for (Impact impact : impacts) {
            if (Math.abs(impact.pressureAt(at)) >= parameters.negligible() || !impact.isOlderThanHalfLife(at)) {
                kept.add(impact);
            }
        }
        if (kept.size() > parameters.maxImpacts()) {
            kept.sort(Comparator.comparingDouble((Impact i) -> -Math.abs(i.pressureAt(at))).thenComparing(Impact::eventId));
            kept = new ArrayList<>(kept.subList(0, parameters.maxImpacts()));
        }
        return kept;
    }

    /** Scores and contributions are published to one decimal: finer digits are noise, and stable output replays byte for byte. */
    public static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
