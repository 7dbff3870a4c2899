package io.lodestone.ingest.extract;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the event type and direction by weighted vote of the cues in triggers.tsv. A cue's vote is
 * its weight times its sentence's weight (the title counts most, then the lead) and is damped to a
 * quarter in a background clause and to a third in a cause clause, so "Lynas opens a plant amid
 * China's export curbs" is new supply, not an export restriction. The direction is the vote of the
 * winning type's directed cues (price rises tighten, falls ease; quota rises ease, cuts tighten);
 * when they are silent, the type's usual direction, with demand defaulting to growth.
 */
final class EventClassifier {

    static final double BACKGROUND_DAMPING = 0.25;
    static final double CAUSE_DAMPING = 0.35;

    private final Dictionary<Cue> triggers;

    EventClassifier(Lexicon.Builder lexicon) {
        triggers = Cue.triggers("triggers.tsv", lexicon);
    }

    List<Hit> hits(Document document) {
        return Hit.heaviestOfOverlaps(Hit.scan(document, triggers));
    }

    Classification classify(List<Hit> hits, List<ClauseContext.Region> regions) {
        Map<EventType, Double> scores = new EnumMap<>(EventType.class);
        Map<EventType, Hit> best = new EnumMap<>(EventType.class);
        Map<EventType, Double> bestVote = new EnumMap<>(EventType.class);
        Map<EventType, Map<Direction, Double>> directions = new EnumMap<>(EventType.class);
        for (Hit hit : hits) {
            EventType type = hit.cue().type();
            double vote = vote(hit, regions);
            if (!hit.cue().modifier()) {
                scores.merge(type, vote, Double::sum);
            }
            if (!hit.cue().modifier() && vote > bestVote.getOrDefault(type, 0.0)) {
                bestVote.put(type, vote);
                best.put(type, hit);
            }
            Direction direction = hit.cue().direction();
            if (direction != null) {
                directions.computeIfAbsent(type, t -> new EnumMap<>(Direction.class)).merge(direction, vote, Double::sum);
            }
        }
        EventType winner = null;
        double top = 0;
        double runnerUp = 0;
        for (EventType type : EventType.values()) {
            double score = scores.getOrDefault(type, 0.0);
            if (score > top) {
                runnerUp = top;
                top = score;
                winner = type;
            } else if (score > runnerUp) {
                runnerUp = score;
            }
        }
        if (winner == null) {
            return new Classification(EventType.NOT_RELEVANT, Direction.NEUTRAL, 0, 0, null);
        }
        return new Classification(winner, direction(winner, directions.getOrDefault(winner, Map.of())), top, runnerUp,
                best.get(winner));
    }

    static double vote(Hit hit, List<ClauseContext.Region> regions) {
        double vote = hit.cue().weight() * hit.sentence().weight();
        if (ClauseContext.inside(regions, hit.field(), hit.start(), true)) {
            vote *= BACKGROUND_DAMPING;
        } else if (ClauseContext.inside(regions, hit.field(), hit.start(), false)) {
            vote *= CAUSE_DAMPING;
        }
        return vote;
    }

    private static Direction direction(EventType type, Map<Direction, Double> votes) {
        double tightening = votes.getOrDefault(Direction.TIGHTENING, 0.0);
        double easing = votes.getOrDefault(Direction.EASING, 0.0);
        switch (type) {
            case EXPORT_RESTRICTION:
                return Direction.TIGHTENING;
            case EXPORT_RESTRICTION_EASED, NEW_SUPPLY, POLICY_SUPPORT, TECHNOLOGY_SUBSTITUTION:
                return Direction.EASING;
            default:
                break;
        }
        // only the cues that name a direction vote; NEUTRAL-labelled cues just say "this is a price story"
        if (tightening > easing) {
            return Direction.TIGHTENING;
        }
        if (easing > tightening) {
            return Direction.EASING;
        }
        return switch (type) {
            case SANCTION_OR_TARIFF, PRODUCTION_DISRUPTION, DEMAND_SHIFT -> Direction.TIGHTENING;
            default -> Direction.NEUTRAL;
        };
    }
}
