package io.lodestone.ingest.extract.classification;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.clauses.ClauseContext;
import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the event type and direction by weighted vote of the cues in triggers.tsv. A cue's vote is
 * its weight times its sentence's weight (the title counts most, then the lead) and is damped in a
 * background clause (a quarter), a cause clause (a third), a negated clause ("will not halt",
 * a tenth) and a hedged or conditional one ("could", "if", 预计, about a third), so "Lynas opens a plant amid China's export curbs" is
 * new supply, not an export restriction. Then the rules that votes alone get wrong:
 * <ul>
 * <li><b>Easing outvotes the measure it eases.</b> A suspension or a licence grant restates the
 *     control three to five times; when the title or lead carries an easing cue and the easing
 *     votes reach {@value #EASING_SHARE} of the restriction's, the item is an easing.</li>
 * <li><b>A headline's event outvotes background made of weak cues.</b> When the winning type has
 *     no cue strong enough to report an event ({@link #eventEvidence}) and another type's cue in
 *     the title does, that type wins: "Namibia bans raw lithium exports" over a body telling of
 *     mines acquired, plants being built and first shipments.</li>
 * <li><b>The headline's news outvotes its cause.</b> "After Congo extended its export ban, cobalt
 *     prices hit a four-month high" is a price move, though the body goes on retelling the ban:
 *     when every title cue of the winning type stands in a cause clause and the title's main
 *     clause carries a cue of another type whose votes reach {@value #EFFECT_SHARE} of the
 *     winner's, that type wins.</li>
 * <li><b>The actor decides the type.</b> Financing, stakes and partnerships are new supply when a
 *     company acts, and policy support when a state does: a state actor (state-actors.tsv) named in
 *     the title or lead of a new-supply item makes it POLICY_SUPPORT, and the financing cues then
 *     count as the evidence of that support (its strongest cue).</li>
 * </ul>
 * The direction is the vote of the winning type's directed cues (price rises tighten, falls ease;
 * quota rises ease, cuts tighten, for export quotas as for production quotas; cues marked NEUTRAL,
 * such as a price that edged up 0.2%, vote for no move); when they are silent, the type's usual
 * direction. Easing outvotes the measure it
 * eases within a type too: duties or quotas whose title eases them ("overturns the duties",
 * 推翻…关税) ease when the easing votes reach {@value #EASING_SHARE} of the others, though the
 * body retells the duties; and a general easing word beside a tariff ("exempts … from tariffs",
 * 关税…豁免) eases the duties, not exports (see {@link #easingOfDutiesBeside}). Policy support
 * eases, a state's stockpiling too (China's included: DOMAIN.md and the development set); support
 * withdrawn (a price floor dropped, a reserve purchase cancelled), reported in the title or lead,
 * tightens when its votes reach {@value #WITHDRAWN_SUPPORT_SHARE} of the easing ones. A price move
 * whose title and lead state only moves under 1% as amounts (a daily bulletin,
 * {@link SmallPriceMoves}) is neutral.
 */
public final class EventClassifier {

    public static final double BACKGROUND_DAMPING = 0.25;
    public static final double CAUSE_DAMPING = 0.35;
    public static final double NEGATED_DAMPING = 0.1;
    public static final double HEDGED_DAMPING = 0.35;
    public static final double EASING_SHARE = 0.3;
    public static final double EFFECT_SHARE = 0.3;
    /** Scores this close are a tie. */
    private static final double TIE = 1e-9;
    /**
     * The share of an item's policy-support votes that support withdrawn (a price floor dropped, a
     * reserve purchase cancelled) needs to make it tightening: the item's other support cues retell
     * the support withdrawn.
     */
    public static final double WITHDRAWN_SUPPORT_SHARE = 0.5;
    /**
     * The evidence that an item reports an event, not only speaks of supply: its strongest cue
     * reaches {@value #MINIMUM_EVENT} (a weight-3 cue in the lead, a weight-2 cue in the title), or
     * {@value #CORROBORATED_EVENT} when the type's votes reach {@value #CORROBORATED_SCORE}, or
     * {@value #FULL_CUE} when they reach {@value #FULL_CUE_SCORE}.
     */
    public static final double MINIMUM_EVENT = 4.5;
    /** A weaker best cue is enough when many cues of the winning type agree. */
    public static final double CORROBORATED_EVENT = 3.5;
    public static final double CORROBORATED_SCORE = 15.0;
    /**
     * A full-strength cue in the body ("halt operations", weight 4) is enough when its type's votes
     * reach {@value #FULL_CUE_SCORE}: the report that puts the halt in its fourth sentence and the
     * cyclone, the flooding and the outage around it.
     */
    public static final double FULL_CUE = 4.0;
    public static final double FULL_CUE_SCORE = 10.0;
    /**
     * Types whose easing retells what it eases: duties overturned and quotas raised restate the
     * measure, a mine that resumes retells its halt.
     */
    private static final Set<EventType> RETOLD_WHEN_EASED = EnumSet.of(EventType.SANCTION_OR_TARIFF,
            EventType.PRODUCTION_QUOTA, EventType.PRODUCTION_DISRUPTION);

    /** The title and the sentences of the lead that may name what a bare "quota" is. */
    private static final int QUOTA_NAMED_UP_FRONT = 2;
    /** How many of the body's first sentences may answer a headline's question ({@link #statedInLead}). */
    private static final int ANSWERING_LEAD = 3;
    private static final Pattern EXPORT_QUOTA = Pattern.compile("(?i)\\bexport quotas?\\b|出口配[额額]");
    private static final Pattern QUOTA = Pattern.compile("(?i)quota|配[额額]");
    /** An easing cue that says what it eases: exports, licences. */
    private static final Pattern NAMES_EXPORTS = Pattern.compile("(?i)export|licen[cs]|出口|许可|許可|牌照");

    private final Dictionary<Cue> triggers;
    private final Rulebook stateActors;
    private final Rulebook localHalts;

    public EventClassifier(Lexicon.Builder lexicon) {
        triggers = Cue.triggers("triggers.tsv", lexicon);
        stateActors = Rulebook.load("state-actors.tsv", lexicon);
        localHalts = Rulebook.load("local-halts.tsv", lexicon);
    }

    public List<Hit> hits(Document document) {
        List<Hit> hits = new ArrayList<>(Hit.scan(document, triggers));
        hits.addAll(SmallPriceMoves.find(document));
        return quotasOfExports(document, easingOfDutiesBeside(document, Hit.heaviestOfOverlaps(hits)));
    }

    /**
     * A quota named bare ("Congo's Cobalt Quota", "trims rare earth quota", 钴配额新规) is the export
     * quota that the title or the lead names ("extending its cobalt export quotas", 以出口配额取代…),
     * not a production quota: where the first sentences name an export quota, the quota cues vote
     * for the type of the strongest cue that names it (an export restriction, or its easing),
     * without a direction of their own; without such a cue, for an export restriction. The quota
     * moves ("cut … quota") stay as they were: the export-quota rows carry their own.
     */
    static List<Hit> quotasOfExports(Document document, List<Hit> hits) {
        if (hits.stream().noneMatch(hit -> hit.cue().type() == EventType.PRODUCTION_QUOTA && !hit.cue().modifier())
                || !EXPORT_QUOTA.matcher(upFront(document)).find()) {
            return hits;
        }
        EventType named = EventType.EXPORT_RESTRICTION;
        double strongest = 0;
        for (Hit hit : hits) {
            EventType type = hit.cue().type();
            if (!hit.cue().modifier() && hit.sentence().rank() <= QUOTA_NAMED_UP_FRONT
                    && (type == EventType.EXPORT_RESTRICTION || type == EventType.EXPORT_RESTRICTION_EASED)
                    && hit.cue().weight() > strongest && EXPORT_QUOTA.matcher(matched(document, hit)).find()) {
                named = type;
                strongest = hit.cue().weight();
            }
        }
        List<Hit> read = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Cue cue = hit.cue();
            if (cue.type() == EventType.PRODUCTION_QUOTA && !cue.modifier() && QUOTA.matcher(matched(document, hit)).find()) {
                hit = new Hit(new Cue(named, null, cue.weight(), false), hit.sentence(), hit.start(), hit.end(), hit.anchor());
            }
            read.add(hit);
        }
        return read;
    }

    private static String upFront(Document document) {
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : document.sentences) {
            if (sentence.rank() <= QUOTA_NAMED_UP_FRONT) {
                text.append('\n').append(document.field(sentence.field()), sentence.start(), sentence.end());
            }
        }
        return text.toString();
    }

    private static String matched(Document document, Hit hit) {
        return document.field(hit.field()).substring(hit.start(), hit.end());
    }

    /**
     * A word that eases ("exempts", "suspends", 豁免, 暂停) eases the measure it stands with: beside
     * a tariff's cue, in a sentence that names no export control, it eases the duties. Easing words
     * vote for EXPORT_RESTRICTION_EASED wherever they stand, so "US exempts graphite from tariffs"
     * was an export easing outvoted by its tariff words, or, in Chinese (关税…豁免), an export easing.
     * An easing cue that names exports or licences itself (出口量的恢复, "licences granted") stays
     * an export easing.
     */
    static List<Hit> easingOfDutiesBeside(Document document, List<Hit> hits) {
        Set<Sentence> duties = new HashSet<>();
        Set<Sentence> controls = new HashSet<>();
        for (Hit hit : hits) {
            if (!hit.cue().modifier() && hit.cue().type() == EventType.SANCTION_OR_TARIFF) {
                duties.add(hit.sentence());
            } else if (!hit.cue().modifier() && hit.cue().type() == EventType.EXPORT_RESTRICTION) {
                controls.add(hit.sentence());
            }
        }
        if (duties.isEmpty()) {
            return hits;
        }
        Set<Sentence> eased = new HashSet<>();
        List<Hit> read = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Cue cue = hit.cue();
            if (cue.type() == EventType.EXPORT_RESTRICTION_EASED && !cue.modifier() && duties.contains(hit.sentence())
                    && !controls.contains(hit.sentence()) && !NAMES_EXPORTS.matcher(matched(document, hit)).find()) {
                hit = new Hit(new Cue(EventType.SANCTION_OR_TARIFF, Direction.EASING, cue.weight(), false),
                        hit.sentence(), hit.start(), hit.end(), hit.anchor());
                eased.add(hit.sentence());
            }
            read.add(hit);
        }
        // the duties named beside their easing are what is eased: they still say what kind of
        // event it is, but no longer that duties rise
        read.replaceAll(hit -> eased.contains(hit.sentence()) && hit.cue().type() == EventType.SANCTION_OR_TARIFF
                && hit.cue().direction() == Direction.TIGHTENING && !hit.cue().modifier()
                ? new Hit(new Cue(EventType.SANCTION_OR_TARIFF, null, hit.cue().weight(), false), hit.sentence(),
                        hit.start(), hit.end(), hit.anchor())
                : hit);
        return read;
    }

    /** Whether a type whose strongest cue votes {@code strongest} and whose votes sum to {@code score} reports an event. */
    public static boolean eventEvidence(double strongest, double score) {
        return strongest >= MINIMUM_EVENT || strongest >= CORROBORATED_EVENT && score >= CORROBORATED_SCORE
                || strongest >= FULL_CUE && score >= FULL_CUE_SCORE;
    }

    public Classification classify(Document document, List<Hit> hits, List<ClauseContext.Region> regions) {
        Map<EventType, Double> scores = new EnumMap<>(EventType.class);
        Map<EventType, Hit> best = new EnumMap<>(EventType.class);
        Map<EventType, Double> bestVote = new EnumMap<>(EventType.class);
        Map<EventType, Map<Direction, Double>> directions = new EnumMap<>(EventType.class);
        Map<Direction, Double> quotaMoves = new EnumMap<>(Direction.class);
        boolean easingUpFront = false;
        boolean withdrawnSupportUpFront = false;
        boolean stallUpFront = false;
        Set<Sentence> local = new HashSet<>();
        localHalts.matches(document, true, (rule, sentence, start, end) -> local.add(sentence));
        for (Hit hit : hits) {
            EventType type = actedType(hit, local);
            double vote = vote(hit, regions);
            if (!hit.cue().modifier()) {
                scores.merge(type, vote, Double::sum);
                if (vote > bestVote.getOrDefault(type, 0.0)) {
                    bestVote.put(type, vote);
                    best.put(type, hit);
                }
                boolean upFront = hit.sentence().rank() <= 1 && vote >= HEDGED_DAMPING * hit.cue().weight() * hit.sentence().weight();
                easingUpFront |= type == EventType.EXPORT_RESTRICTION_EASED && upFront;
                withdrawnSupportUpFront |= type == EventType.POLICY_SUPPORT && hit.cue().direction() == Direction.TIGHTENING && upFront;
                stallUpFront |= type == EventType.NEW_SUPPLY && hit.cue().direction() == Direction.TIGHTENING && upFront;
            }
            Direction direction = hit.cue().direction();
            if (direction != null) {
                directions.computeIfAbsent(type, t -> new EnumMap<>(Direction.class)).merge(direction, vote, Double::sum);
                if (type == EventType.EXPORT_RESTRICTION && hit.cue().modifier()) {
                    quotaMoves.merge(direction, vote, Double::sum);
                }
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
            return new Classification(EventType.NOT_RELEVANT, Direction.NEUTRAL, 0, 0, null, 0);
        }
        // a tie goes to the type told furthest up front (the headline over the body), not to the
        // type that comes first in the taxonomy: "Congo suspends Chinese mining operations after toxic
        // spill" over a body whose aside tells of an export freeze lifted, with equal votes
        if (runnerUp >= top - TIE) {
            for (EventType type : EventType.values()) {
                if (type != winner && scores.getOrDefault(type, 0.0) >= top - TIE
                        && best.get(type).sentence().rank() < best.get(winner).sentence().rank()) {
                    winner = type;
                }
            }
        }
        // a winner made only of background cues (each too weak to report an event) yields to the
        // type whose single cue does report one: "Zimbabwe bans raw lithium exports", over a body
        // that tells of mines acquired, developed and shipping
        if (!eventEvidence(bestVote.get(winner), top)) {
            EventType reported = null;
            for (Map.Entry<EventType, Double> vote : bestVote.entrySet()) {
                boolean inTitle = vote.getValue() >= MINIMUM_EVENT && best.get(vote.getKey()).sentence().rank() == 0;
                if (inTitle && (reported == null || vote.getValue() > bestVote.get(reported))) {
                    reported = vote.getKey();
                }
            }
            if (reported != null) {
                runnerUp = top;
                top = scores.get(reported);
                winner = reported;
            }
        }
        double eased = scores.getOrDefault(EventType.EXPORT_RESTRICTION_EASED, 0.0);
        if (winner == EventType.EXPORT_RESTRICTION && easingUpFront && eased >= EASING_SHARE * top) {
            runnerUp = top;
            top = eased;
            winner = EventType.EXPORT_RESTRICTION_EASED;
        }
        EventType effect = headlineEffect(winner, hits, regions);
        if (effect != null && scores.getOrDefault(effect, 0.0) >= EFFECT_SHARE * top) {
            runnerUp = top;
            top = scores.get(effect);
            winner = effect;
        }
        EventType evidenceType = winner;
        // (a state that takes supply away, revoking concessions, is no support: that stays new supply)
        if ((winner == EventType.NEW_SUPPLY && !mostlyTightening(directions.getOrDefault(winner, Map.of()))
                && statedWithFirst(document, hits, winner, regions) || winner == EventType.POLICY_SUPPORT)
                && statedUpFront(document, regions)) {
            // the state actor decides what kind of event it is; its money ("the Pentagon will spend
            // $1 billion") is told by the financing cues, which are then the evidence when stronger
            winner = EventType.POLICY_SUPPORT;
            evidenceType = bestVote.getOrDefault(EventType.NEW_SUPPLY, 0.0)
                    > bestVote.getOrDefault(EventType.POLICY_SUPPORT, 0.0) ? EventType.NEW_SUPPLY : EventType.POLICY_SUPPORT;
        }
        Direction direction = winner == EventType.EXPORT_RESTRICTION ? exportQuotaDirection(quotaMoves)
                : direction(winner, directions.getOrDefault(winner, Map.of()));
        // export quotas raised or issued in an extra batch (下达第二批稀土出口配额) ease the control:
        // the item reports an easing, as a licence granted does
        if (winner == EventType.EXPORT_RESTRICTION && direction == Direction.EASING) {
            winner = EventType.EXPORT_RESTRICTION_EASED;
            evidenceType = EventType.EXPORT_RESTRICTION;
        }
        // easing outvotes what it eases within a type too: a headline that overturns duties, raises
        // a quota or resumes exports, over a body that retells the duties, the quota system or the halt
        Direction headline = headlineDirection(winner, hits, regions, local);
        if (headline == Direction.EASING && direction != Direction.EASING && RETOLD_WHEN_EASED.contains(winner)
                && directions.get(winner).getOrDefault(headline, 0.0)
                        >= EASING_SHARE * directions.get(winner).getOrDefault(direction, 0.0)) {
            direction = headline;
        }
        // support withdrawn, reported in the title or lead, over the support cues that retell it
        if (winner == EventType.POLICY_SUPPORT && withdrawnSupportUpFront
                && tighteningReaches(directions.get(winner), WITHDRAWN_SUPPORT_SHARE)) {
            direction = Direction.TIGHTENING;
        }
        // new supply that stalls, reported in the title or lead, over the body that tells what the
        // project was to bring ("Texas plant stalls amid offtake uncertainties")
        if (winner == EventType.NEW_SUPPLY && stallUpFront && tighteningReaches(directions.get(winner), EASING_SHARE)) {
            direction = Direction.TIGHTENING;
        }
        // a bulletin whose headline and lead state only moves under 1% reports a steady price,
        // whatever its commentary says about the market
        if (winner == EventType.PRICE_MOVE && hits.stream().anyMatch(hit -> hit.cue() == SmallPriceMoves.NEUTRAL_MOVE)) {
            direction = Direction.NEUTRAL;
        }
        // so does one whose headline or first sentences tell the move in words of a small one ("nudge
        // higher", "marginally lower") and nowhere in words or figures of a large one: what the
        // market "weighs on" or "lifts" says which way, not how far
        if (winner == EventType.PRICE_MOVE && hits.stream().anyMatch(hit -> smallMoveUpFront(hit, regions))
                && !SmallPriceMoves.statesLargeMove(document)) {
            direction = Direction.NEUTRAL;
        }
        return new Classification(winner, direction, top, runnerUp,
                best.get(evidenceType), bestVote.getOrDefault(evidenceType, 0.0));
    }

    /**
     * The type a cue reports given who acts in its sentence: exports halted where a cyclone, a flood
     * or an explosion is named, or where a mine or smelter stops its own (local-halts.tsv), are a
     * production disruption, not a state's export restriction; exports resumed there ("the mine
     * resumes exports a year after the cyclone") are that disruption ending, not a measure eased.
     */
    private static EventType actedType(Hit hit, Set<Sentence> local) {
        EventType type = hit.cue().type();
        if (hit.cue().modifier() || !local.contains(hit.sentence())) {
            return type;
        }
        boolean halted = type == EventType.EXPORT_RESTRICTION && hit.cue().direction() != Direction.EASING;
        return halted || type == EventType.EXPORT_RESTRICTION_EASED ? EventType.PRODUCTION_DISRUPTION : type;
    }

    /**
     * The type the title's main clause reports when the winning type is only the title's cause:
     * every title cue of {@code winner} stands in a cause clause (at least one does), and a cue of
     * one other type stands in no damped clause of the title. Null otherwise.
     */
    private static EventType headlineEffect(EventType winner, List<Hit> hits, List<ClauseContext.Region> regions) {
        boolean causeOnly = false;
        EventType effect = null;
        for (Hit hit : hits) {
            if (hit.sentence().rank() != 0 || hit.cue().modifier()) {
                continue;
            }
            if (hit.cue().type() == winner) {
                if (!ClauseContext.inside(regions, hit.field(), hit.anchor(), ClauseContext.Scope.CAUSE)) {
                    return null;
                }
                causeOnly = true;
            } else if (undamped(hit, regions)) {
                if (effect != null && effect != hit.cue().type()) {
                    return null;
                }
                effect = hit.cue().type();
            }
        }
        return causeOnly ? effect : null;
    }

    /**
     * The one direction the title's undamped cues of the type give (a headline that says
     * "overturns the duties" while the body retells the duties); null when they give none or both.
     */
    private static Direction headlineDirection(EventType type, List<Hit> hits, List<ClauseContext.Region> regions,
                                               Set<Sentence> local) {
        Direction found = null;
        for (Hit hit : hits) {
            Direction direction = hit.cue().direction();
            if (hit.sentence().rank() != 0 || actedType(hit, local) != type || direction == null
                    || direction == Direction.NEUTRAL || !undamped(hit, regions)) {
                continue;
            }
            if (found != null && found != direction) {
                return null;
            }
            found = direction;
        }
        return found;
    }

    /** A modifier of a small price move ("edged higher", "slightly", 微涨), undamped, in the title or the first two sentences. */
    private static boolean smallMoveUpFront(Hit hit, List<ClauseContext.Region> regions) {
        return hit.cue().modifier() && hit.cue().type() == EventType.PRICE_MOVE && hit.cue().direction() == Direction.NEUTRAL
                && hit.sentence().rank() <= SmallPriceMoves.MAGNITUDE && undamped(hit, regions);
    }

    /**
     * Whether the body's lead states the winning event as a fact: a cue of its type (and of its
     * direction, if the cue has one), not a modifier, in no negated, background, cause or hedged
     * clause, in one of the first {@value #ANSWERING_LEAD} sentences of the text that does not itself
     * ask, where the title's best cue is what its question asks about (it stands in the clause the
     * question ends). "Is China suspending export controls for a year?" over "China suspends export
     * controls on rare earth minerals" is the suspension reported; "Indonesia tightens nickel quotas,
     * can that move prices?" asks about an effect, and stays argument.
     */
    public static boolean statedInLead(Document document, Classification classification, List<Hit> hits,
                                       List<ClauseContext.Region> regions) {
        Hit asked = classification.evidence();
        if (asked == null || asked.field() != Field.TITLE || !inQuestion(document.title, asked.end())) {
            return false;
        }
        for (Hit hit : hits) {
            Sentence sentence = hit.sentence();
            Cue cue = hit.cue();
            if (sentence.field() == Field.TEXT && sentence.rank() <= ANSWERING_LEAD && !cue.modifier()
                    && cue.type() == classification.type()
                    && (cue.direction() == null || cue.direction() == classification.direction())
                    && !sentence.endsInQuestionMark(document.text) && undamped(hit, regions)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no clause break stands between {@code from} and the title's question mark (or 吗). */
    private static boolean inQuestion(String title, int from) {
        for (int i = from; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '?' || c == '？' || c == '吗' || c == '嗎') {
                return true;
            }
            if (",，:：;；。!！".indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether the cue stands in no negated, background, cause or hedged clause. */
    private static boolean undamped(Hit hit, List<ClauseContext.Region> regions) {
        return vote(hit, regions) >= hit.cue().weight() * hit.sentence().weight();
    }

    /** Whether the title or the lead sentence names a state actor. */
    private boolean statedUpFront(Document document, List<ClauseContext.Region> regions) {
        return stateActors.matchesAny(document, sentence -> sentence.rank() <= 1, acting(document, regions));
    }

    /**
     * Where a named state acts: not in a setting ("Serra Verde to boost output … amid US deal") nor
     * in a recollection ("the government's decision in 2022 to revoke the permit was
     * unconstitutional"), but in the main clause, or in what the main clause reacts to ("… after
     * the Pentagon's award").
     */
    private static Rulebook.Place acting(Document document, List<ClauseContext.Region> regions) {
        return (sentence, start, end) -> !ClauseContext.inSetting(document, regions, sentence.field(), start)
                && !ClauseContext.inside(regions, sentence.field(), start, ClauseContext.Scope.BACKGROUND);
    }

    /**
     * Whether a state actor is named in the first sentence (the title, else the lead) that carries
     * a cue of the type: the state acts in what the item reports ("Miner takes step toward $400M
     * U.S. loan"), not beside it ("construction is complete, first output slated for H2", over a
     * lead that names the state bank that lent the money; "Iluka wins A$1.25 billion loan").
     */
    private boolean statedWithFirst(Document document, List<Hit> hits, EventType type, List<ClauseContext.Region> regions) {
        Sentence first = null;
        for (Hit hit : hits) {
            if (!hit.cue().modifier() && hit.cue().type() == type
                    && (first == null || hit.sentence().rank() < first.rank())) {
                first = hit.sentence();
            }
        }
        Sentence found = first;
        return found != null && stateActors.matchesAny(document, sentence -> sentence == found, acting(document, regions));
    }

    /** Whether there are tightening votes and they reach the easing ones. */
    private static boolean mostlyTightening(Map<Direction, Double> votes) {
        double tightening = votes.getOrDefault(Direction.TIGHTENING, 0.0);
        return tightening > 0 && tightening >= votes.getOrDefault(Direction.EASING, 0.0);
    }

    /** Whether the tightening votes reach {@code share} of the easing ones. */
    private static boolean tighteningReaches(Map<Direction, Double> votes, double share) {
        return votes.getOrDefault(Direction.TIGHTENING, 0.0) >= share * votes.getOrDefault(Direction.EASING, 0.0);
    }

    public static double vote(Hit hit, List<ClauseContext.Region> regions) {
        double vote = hit.cue().weight() * hit.sentence().weight();
        if (ClauseContext.inside(regions, hit.field(), hit.anchor(), ClauseContext.Scope.NEGATED)) {
            vote *= NEGATED_DAMPING;
        } else if (ClauseContext.inside(regions, hit.field(), hit.anchor(), ClauseContext.Scope.BACKGROUND)) {
            vote *= BACKGROUND_DAMPING;
        } else if (ClauseContext.inside(regions, hit.field(), hit.anchor(), ClauseContext.Scope.CAUSE)) {
            vote *= CAUSE_DAMPING;
        } else if (ClauseContext.overlaps(regions, hit.field(), hit.start(), hit.end(), ClauseContext.Scope.HEDGED)) {
            vote *= HEDGED_DAMPING;
        }
        return vote;
    }

    /**
     * An export restriction tightens unless its quota moves say otherwise: raised quotas ease, and
     * quotas or volumes kept as they were (保持出口量, "left … unchanged") neither tighten nor ease
     * when those words outvote both moves.
     */
    private static Direction exportQuotaDirection(Map<Direction, Double> quotaMoves) {
        double easing = quotaMoves.getOrDefault(Direction.EASING, 0.0);
        double tightening = quotaMoves.getOrDefault(Direction.TIGHTENING, 0.0);
        if (quotaMoves.getOrDefault(Direction.NEUTRAL, 0.0) > Math.max(easing, tightening)) {
            return Direction.NEUTRAL;
        }
        return easing > tightening ? Direction.EASING : Direction.TIGHTENING;
    }

    private static Direction direction(EventType type, Map<Direction, Double> votes) {
        double tightening = votes.getOrDefault(Direction.TIGHTENING, 0.0);
        double easing = votes.getOrDefault(Direction.EASING, 0.0);
        double still = votes.getOrDefault(Direction.NEUTRAL, 0.0);
        switch (type) {
            case EXPORT_RESTRICTION:
                return Direction.TIGHTENING;
            case EXPORT_RESTRICTION_EASED, TECHNOLOGY_SUBSTITUTION:
                return Direction.EASING;
            case POLICY_SUPPORT:
                // support withdrawn (a price floor dropped) tightens when its cues outvote the support
                return tightening > easing ? Direction.TIGHTENING : Direction.EASING;
            case NEW_SUPPLY:
                // new supply that stalls (delayed, shelved, on hold) tightens
                return tightening > easing ? Direction.TIGHTENING : Direction.EASING;
            default:
                break;
        }
        if (still > 0 && still >= Math.max(tightening, easing)) {
            return Direction.NEUTRAL;
        }
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
