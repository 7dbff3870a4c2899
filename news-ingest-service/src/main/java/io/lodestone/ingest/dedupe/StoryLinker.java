package io.lodestone.ingest.dedupe;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.EventIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Places each relevant report in a story, so that one real-world event is one event however many
 * outlets tell it, and two events are never one story.
 * <ul>
 * <li>The very same item again (canonical URL, or source and id) is a {@code DUPLICATE}, unless
 *     what it says may not be its story's (opposite directions, disjoint elements: see below), so
 *     that an item claiming another's address cannot silence it.</li>
 * <li>Otherwise the stories it may belong to are looked up in an inverted index (its most
 *     distinctive terms, its elements and its figures → stories); of those dated within the
 *     window of it, the ones sharing the most keys are scored by {@link LinkRules}.
 *     None scores enough: it starts a story and its own event is published. One or more do: the
 *     best-scoring one and those others that may be one story with it and with each other (no
 *     rule of {@link LinkRules} keeps them apart) are now shown to be the same story; the oldest
 *     of them absorbs the rest, and the report joins it. A report that fits two stories that may
 *     not be one (a rare-earth suspension and a gallium one, retold together) joins the better
 *     and merges nothing. The story's first event is republished with
 *     the distinct outlets counted as corroborations, when that number grew ({@code CORROBORATED});
 *     a further report by an outlet already counted changes nothing ({@code REPEATED}).</li>
 * <li>A report the extractor found not relevant joins only a story it retells closely
 *     ({@link LinkRules#retellingThreshold()}), merging none and adding no elements; if it retells
 *     none, it leaves no trace ({@code UNPLACED}).</li>
 * </ul>
 * The story clock is the latest publication time of any dated report; only dated reports move it,
 * so an item without a date of its own cannot make every earlier story look old. Stories inactive
 * for more than the window before the clock are forgotten when it moves, after the report that
 * moved it is placed (an undated story is anchored where the clock stood when it came, so the
 * first dated report of its event may find it behind the new horizon), and at most
 * {@link LinkRules#maxStories()} are kept, so memory and the work per report stay bounded however
 * long the stage runs. Past the cap, the origin holding the most stories (that of their first
 * report: a polled source's id, {@code import}, or {@code push} for every pushed item whatever
 * source it names) gives up its least recently active one, and so for the traces of forgotten
 * stories: a flood of pushed items (a client pushing thousands of distinct items, under one source
 * name or a new one each time) forgets pushed stories first, not a feed's that a re-listed report
 * must still find. Not thread-safe: one story stage runs one linker on one thread.
 */
public final class StoryLinker {

    static final int INDEXED_TERMS = 40;
    /**
     * The identities (URLs, source ids) a story remembers, its latest reports': a story reported
     * thousands of times (a feed that lists it on every poll under new URLs) must not grow without
     * bound, in memory or in its changelog record. A report of an identity forgotten since is read
     * as a further report of the story, which publishes nothing when its outlet is counted already.
     */
    static final int MAX_IDENTITIES = 256;
    /**
     * Outlets counted per story: corroborations stop at this number, so a story's stored form stays
     * far under the broker's 1 MB record limit however many outlets (or pushed hosts) retell it.
     */
    static final int MAX_OUTLETS = 256;
    /**
     * The identities (its latest reports') and outlets a forgotten story's trace keeps: a trace
     * answers a client or feed sending an item again, and costs at most a few kilobytes, however
     * often the story was told.
     */
    static final int TRACE_IDENTITIES = 32;

    private static final Comparator<Story> BY_ANCHOR = Comparator.comparing(Story::anchor)
            .thenComparingLong(Story::sequence);

    private final LinkRules rules;
    private final Stories stories;
    private final Map<String, Story> byId = new HashMap<>();
    private final TreeSet<Story> byAnchor = new TreeSet<>(BY_ANCHOR);
    /**
     * Which stories each indexed term, element and figure is found in. Lists, not sets: most keys
     * are held by a few stories, and the index is the largest part of the stage's memory after the
     * stories themselves (a hash set costs about 180 bytes for one holder, a list about 45).
     */
    private final Map<String, List<Story>> termPostings = new HashMap<>();
    private final Map<String, List<Story>> elementPostings = new HashMap<>();
    private final Map<String, List<Story>> figurePostings = new HashMap<>();
    /** How many remembered stories keep each term: the IDF, over every kept term, indexed or not. */
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, String> identities = new HashMap<>();
    /**
     * Traces of forgotten stories, oldest first, at most {@link LinkRules#maxStories()}: the same
     * item pushed again after its story was forgotten (a feed relisting an old article, a client
     * retrying, a poll landing after later news moved the clock) is still a duplicate.
     */
    private final Map<String, Story> traces = new LinkedHashMap<>();
    /** The kept stories of each source (their first report's), least recently active first. */
    private final Map<String, TreeSet<Story>> storiesBySource = new HashMap<>();
    /** The traces of each source's forgotten stories, by id, oldest first. */
    private final Map<String, LinkedHashSet<String>> tracesBySource = new HashMap<>();
    /** The stories a report's words hit, with how many of its keys each holds; reused from report to report. */
    private final Map<Story, Integer> hits = new IdentityHashMap<>();
    private double[] idfCache = new double[0];
    private int idfCacheStories = -1;
    private Instant clock;
    private long nextSequence;

    /** A linker over the stories already kept in {@code stories} (read once, here). */
    public StoryLinker(LinkRules rules, Stories stories) {
        this.rules = rules;
        this.stories = stories;
        List<Story> kept = new ArrayList<>();
        stories.forEach(kept::add);
        kept.sort(Comparator.comparingLong(Story::sequence));
        for (Story story : kept) {
            if (story.forgotten()) {
                keepTrace(story);
                continue;
            }
            index(story);
            nextSequence = Math.max(nextSequence, story.sequence() + 1);
            if (story.latest() != null && (clock == null || story.latest().isAfter(clock))) {
                clock = story.latest();
            }
        }
    }

    public StoryDecision link(StoryCandidate candidate) {
        for (String identity : candidate.identities()) {
            String storyId = identities.get(identity);
            Story story = storyId == null ? null : byId.containsKey(storyId) ? byId.get(storyId) : traces.get(storyId);
            // the same address is the same report only when what it says may be the story's: an
            // item that claims another's URL (a pushed "exports eased" under a ban notice's address)
            // must not silence the report that really stands there
            if (story != null && !apart(scope(candidate.event()), headlineScope(candidate.figures()),
                    candidate.figures(), candidate.event().direction(), story)) {
                return new StoryDecision(StoryDecision.Outcome.DUPLICATE, storyId, story.firstItemId(), story.published(),
                        List.of());
            }
        }
        Instant time = candidate.dated() ? candidate.event().publishedAt() : null;
        // a report found not relevant only joins a story it retells closely: it starts none and
        // merges none, and one that retells nothing leaves no trace, not even on the clock
        boolean retelling = !candidate.relevant();
        // the stories a later time leaves behind are forgotten after this report is placed: an
        // undated story (anchored where the clock stood when it came) may be this report's
        boolean moved = !retelling && moveClock(time);
        List<Story> matches = matches(candidate, time, retelling ? rules.retellingThreshold() : rules.threshold());
        if (matches.isEmpty() && retelling) {
            return new StoryDecision(StoryDecision.Outcome.UNPLACED, null, null, candidate.event(), List.of());
        }
        if (matches.isEmpty()) {
            Story story = start(candidate, time);
            save(story);
            while (byId.size() > rules.maxStories()) {
                retire(largest(storiesBySource).first());
            }
            forgetInactive(moved);
            return new StoryDecision(StoryDecision.Outcome.NEW, story.id(), story.firstItemId(), story.published(),
                    List.of());
        }
        // the best-scoring story, and those of the others that may be one story with it and with
        // each other (a report that fits two notices does not make them one); the oldest survives
        List<Story> group = new ArrayList<>();
        group.add(matches.get(0));
        for (Story other : retelling ? List.<Story>of() : matches.subList(1, matches.size())) {
            if (group.stream().allMatch(member -> mayBeOne(member, other))) {
                group.add(other);
            }
        }
        group.sort(Comparator.comparingLong(Story::sequence));
        Story target = group.get(0);
        List<Story> absorbed = group.subList(1, group.size());
        Story joined = join(target, candidate, absorbed, time);
        for (Story other : absorbed) {
            forget(other);
        }
        unindex(target);
        save(joined);
        if (retelling) {
            // after the join, so that the story it joined is as recent as the report
            moved = moveClock(time);
        }
        forgetInactive(moved);
        boolean grew = joined.outlets().size() > target.outlets().size();
        return new StoryDecision(grew ? StoryDecision.Outcome.CORROBORATED : StoryDecision.Outcome.REPEATED,
                joined.id(), joined.firstItemId(), joined.published(),
                absorbed.stream().map(Story::id).toList());
    }

    /** A dated report later than any before moves the clock; whether it did. */
    private boolean moveClock(Instant time) {
        if (time != null && (clock == null || time.isAfter(clock))) {
            clock = time;
            return true;
        }
        return false;
    }

    /** When the clock moved, forgets the stories inactive since a window before it. */
    private void forgetInactive(boolean moved) {
        if (moved) {
            forgetInactiveBefore(clock.minus(rules.window()));
        }
    }

    /** How many stories are remembered now. */
    public int size() {
        return byId.size();
    }

    /** The stories the candidate belongs to, best-scoring first. */
    private List<Story> matches(StoryCandidate candidate, Instant time, double threshold) {
        Query query = new Query(candidate, weights(candidate.terms()), time);
        Map<Story, Integer> hits = this.hits;
        hits.clear();
        query.weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(rules.queryTerms())
                .forEach(term -> lookUp(termPostings, term.getKey(), hits));
        candidate.event().elements().forEach(element -> lookUp(elementPostings, element, hits));
        candidate.figures().forEach(figure -> lookUp(figurePostings, figure, hits));
        List<Map.Entry<Story, Double>> scored = new ArrayList<>();
        // a story dated too far from the report cannot be its story: it takes no candidate's place
        hits.keySet().removeIf(story -> windowsApart(time, story) > 1);
        for (Story story : mostHit(hits, rules.maxCandidates())) {
            double score = score(query, story);
            if (score >= threshold) {
                scored.add(Map.entry(story, score));
            }
        }
        scored.sort(Map.Entry.<Story, Double>comparingByValue().reversed()
                .thenComparingLong(entry -> entry.getKey().sequence()));
        return scored.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * The {@code limit} stories with the most hits, ties to the older: a bounded heap, not a sort
     * of every story hit (a report's words can lead to thousands).
     */
    private static List<Story> mostHit(Map<Story, Integer> hits, int limit) {
        Comparator<Map.Entry<Story, Integer>> better = Map.Entry.<Story, Integer>comparingByValue()
                .thenComparing(Comparator.<Map.Entry<Story, Integer>>comparingLong(e -> e.getKey().sequence()).reversed());
        PriorityQueue<Map.Entry<Story, Integer>> best = new PriorityQueue<>(limit + 1, better);
        for (Map.Entry<Story, Integer> hit : hits.entrySet()) {
            if (best.size() < limit) {
                best.add(hit);
            } else if (better.compare(hit, best.peek()) > 0) {
                best.poll();
                best.add(hit);
            }
        }
        List<Story> most = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            most.add(best.poll().getKey());
        }
        Collections.reverse(most);
        return most;
    }

    /** The linking score of a candidate and a story; negative infinity when they must never link. */
    double score(StoryCandidate candidate, Story story, Instant time) {
        return score(new Query(candidate, weights(candidate.terms()), time), story);
    }

    /**
     * How far apart in publication time a report and a story are, in windows: 0 when the report
     * falls within the story's span, half a window when either is undated (the distance is then
     * unknown), above 1 when they are too far apart to be one story.
     */
    private double windowsApart(Instant time, Story story) {
        if (time == null || !story.dated()) {
            return 0.5;
        }
        // in milliseconds, without a Duration for each of the thousands of stories a report's words hit
        long at = time.toEpochMilli();
        long earliest = story.earliest().toEpochMilli();
        long latest = story.latest().toEpochMilli();
        long distance = at < earliest ? earliest - at : at > latest ? at - latest : 0;
        long window = rules.window().toMillis();
        return distance > window ? Double.POSITIVE_INFINITY : distance / (double) window;
    }

    /**
     * A report as it is compared with stories: what every comparison needs from it, worked out once.
     */
    private final class Query {
        final StoryCandidate candidate;
        final Map<String, Double> weights;
        final double norm;
        final Instant time;
        final Set<String> scope;
        final Set<String> headlineScope;

        Query(StoryCandidate candidate, Map<String, Double> weights, Instant time) {
            this.candidate = candidate;
            this.weights = weights;
            this.norm = norm(weights.values());
            this.time = time;
            this.scope = scope(candidate.event());
            this.headlineScope = headlineScope(candidate.figures());
        }
    }

    private double score(Query query, Story story) {
        StoryCandidate candidate = query.candidate;
        double windows = windowsApart(query.time, story);
        if (windows > 1) {
            return Double.NEGATIVE_INFINITY;
        }
        Set<String> elements = query.scope;
        if (apart(elements, query.headlineScope, candidate.figures(), candidate.event().direction(), story)) {
            return Double.NEGATIVE_INFINITY;
        }
        double dot = 0;
        double storyNorm = 0;
        TermCounts terms = story.termCounts();
        for (int i = 0; i < terms.size(); i++) {
            double w = tf(terms.count(i)) * idf(terms.term(i));
            storyNorm += w * w;
            Double mine = query.weights.get(terms.term(i));
            if (mine != null) {
                dot += mine * w;
            }
        }
        double norm = query.norm;
        double cosine = norm == 0 || storyNorm == 0 ? 0 : dot / (norm * Math.sqrt(storyNorm));
        int sharedFigures = 0;
        for (String figure : candidate.figures()) {
            if (!figure.startsWith(StoryText.TITLE_YEAR_PREFIX) && !figure.startsWith(StoryText.TITLE_DAY_PREFIX)
                    && !figure.startsWith(StoryText.TITLE_PERIOD_PREFIX) && !figure.startsWith(StoryText.MAIN_ANNOUNCEMENT_PREFIX)
                    && !figure.startsWith(StoryText.TITLE_ELEMENT_PREFIX) && story.figures().contains(figure)) {
                sharedFigures++;
            }
        }
        double score = cosine + rules.figureWeight() * Math.min(2, sharedFigures);
        if (!elements.isEmpty() && !story.elements().isEmpty()) {
            score += elements.equals(Set.copyOf(story.elements())) ? rules.elementWeight()
                    : rules.elementWeight() / 2;
        }
        SupplyEventDetected first = story.event();
        if (candidate.dated() && story.dated() && crossLanguage(first, candidate.event())) {
            score += rules.actorWeight() * Math.min(2, sharedActors(first, candidate.event()));
        }
        if (first.eventType() == candidate.event().eventType()) {
            score += rules.typeWeight();
        }
        return score - rules.timePenalty() * windows;
    }

    /** Whether one report is in English and the other in Chinese ("zh-Hans" and "zh-Hant" are one language here). */
    private static boolean crossLanguage(SupplyEventDetected a, SupplyEventDetected b) {
        return a.language() != null && b.language() != null && !a.language().regionMatches(0, b.language(), 0, 2);
    }

    /** The countries and companies both name: the same in any language (ISO codes, canonical names). */
    private static int sharedActors(SupplyEventDetected a, SupplyEventDetected b) {
        int shared = 0;
        for (String country : b.countries()) {
            shared += a.countries().contains(country) ? 1 : 0;
        }
        for (String company : b.companies()) {
            shared += a.companies().contains(company) ? 1 : 0;
        }
        return shared;
    }

    private Map<String, Double> weights(Map<String, Integer> terms) {
        Map<String, Double> weights = new HashMap<>();
        terms.forEach((term, count) -> weights.put(term, tf(count) * idf(term)));
        return weights;
    }

    private static double norm(Collection<Double> weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private static double tf(int count) {
        return 1 + Math.log(count);
    }

    /** Rarer terms among the remembered stories weigh more; a term no story has weighs most. */
    private double idf(String term) {
        return idfOf(documentFrequency.getOrDefault(term, 0));
    }

    /**
     * The IDF of a term that {@code df} of the remembered stories keep. It depends only on {@code df}
     * while the number of stories stays the same (always, at the cap), so it is remembered per
     * {@code df} instead of taking a logarithm for every word of every story scored.
     */
    private double idfOf(int df) {
        int stories = byId.size();
        if (stories != idfCacheStories) {
            if (idfCache.length < stories + 2) {
                idfCache = new double[Math.max(2 * idfCache.length, stories + 2)];
            } else {
                Arrays.fill(idfCache, 0);
            }
            idfCacheStories = stories;
        }
        if (idfCache[df] == 0) {
            idfCache[df] = Math.log(1 + (stories + 1.0) / (df + 1.0));
        }
        return idfCache[df];
    }

    /** Counts a hit for every story that holds the key, unless too many do to tell them apart. */
    private void lookUp(Map<String, List<Story>> postings, String key, Map<Story, Integer> hits) {
        List<Story> holders = postings.get(key);
        if (holders != null && holders.size() <= rules.maxPostings()) {
            for (Story holder : holders) {
                hits.merge(holder, 1, Integer::sum);
            }
        }
    }

    /**
     * The elements a report is about: its specific elements, and the members of the groups it
     * names ("rare earths" covers dysprosium, not gallium).
     */
    static Set<String> scope(SupplyEventDetected event) {
        Set<String> scope = new HashSet<>(event.elements());
        for (ElementGroup group : event.groups()) {
            scope.addAll(Elements.membersOf(group));
        }
        return scope;
    }

    /**
     * The elements the headlines name ({@link StoryText#TITLE_ELEMENT_PREFIX}), groups standing for
     * their members: a headline says what a report is about, where its body may name other
     * metals as background.
     */
    static Set<String> headlineScope(List<String> figures) {
        Set<String> scope = new HashSet<>();
        for (String figure : figures) {
            if (figure.startsWith(StoryText.TITLE_ELEMENT_PREFIX)) {
                String named = figure.substring(StoryText.TITLE_ELEMENT_PREFIX.length());
                if (Elements.isTracked(named)) {
                    scope.add(named);
                } else {
                    scope.addAll(Elements.membersOf(ElementGroup.valueOf(named)));
                }
            }
        }
        return scope;
    }

    /** Disjoint element scopes are different events, however alike the words. */
    private static boolean compatible(Collection<String> a, Collection<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (String element : a) {
            if (b.contains(element)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Never one story, however alike the words: disjoint elements, different announcements,
     * headlines naming disjoint elements, different years, different days or different quarters
     * or half-years.
     */
    private static boolean apart(Collection<String> elementsA, Set<String> headlineA, List<String> figuresA,
                                 Direction directionA, Story b) {
        return opposite(directionA, b.event().direction())
                || !compatible(elementsA, b.elements())
                || differentAnnouncements(figuresA, b.figures())
                || !compatible(headlineA, headlineScope(b.figures()))
                || disjoint(figuresA, b.figures(), StoryText.TITLE_YEAR_PREFIX)
                || disjoint(figuresA, b.figures(), StoryText.TITLE_DAY_PREFIX)
                || disjoint(figuresA, b.figures(), StoryText.TITLE_PERIOD_PREFIX);
    }

    /** Whether two stories a report matches may be folded into one. */
    private static boolean mayBeOne(Story a, Story b) {
        return !apart(a.elements(), headlineScope(a.figures()), a.figures(), a.event().direction(), b);
    }

    /**
     * Both are about an announcement of their own, and neither even mentions the other's: a report
     * about No. 62 that also cites No. 61 is not kept from a story about No. 61.
     */
    private static boolean differentAnnouncements(List<String> a, List<String> b) {
        return disjoint(a, b, StoryText.MAIN_ANNOUNCEMENT_PREFIX) && !mentionsMain(a, b) && !mentionsMain(b, a);
    }

    /** Whether {@code b} cites one of the announcements {@code a} is about. */
    private static boolean mentionsMain(List<String> a, List<String> b) {
        for (String figure : a) {
            if (figure.startsWith(StoryText.MAIN_ANNOUNCEMENT_PREFIX) && b.contains(StoryText.ANNOUNCEMENT_PREFIX
                    + figure.substring(StoryText.MAIN_ANNOUNCEMENT_PREFIX.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Both name figures of a kind and share none: different headline years are different editions of a
     * recurring notice, different main announcements different notices.
     */
    private static boolean disjoint(List<String> a, List<String> b, String kind) {
        boolean anyA = false;
        for (String figure : a) {
            if (figure.startsWith(kind)) {
                anyA = true;
                if (b.contains(figure)) {
                    return false;
                }
            }
        }
        return anyA && b.stream().anyMatch(figure -> figure.startsWith(kind));
    }

    private static boolean opposite(Direction a, Direction b) {
        return (a == Direction.TIGHTENING && b == Direction.EASING) || (a == Direction.EASING && b == Direction.TIGHTENING);
    }

    private Story start(StoryCandidate candidate, Instant time) {
        SupplyEventDetected event = candidate.event().withCorroborations(1);
        if (byId.containsKey(event.eventId()) || traces.containsKey(event.eventId())) {
            // its address is another story's, which it may not be (see link): an id of its own
            event = event.withEventId(EventIds.distinct(event.eventId(), candidate.itemId()));
        }
        return new Story(event.eventId(), nextSequence++, candidate.itemId(), event, List.of(candidate.outlet()),
                candidate.identities(), candidate.terms(), candidate.figures(), List.copyOf(new TreeSet<>(scope(candidate.event()))), time, time,
                time != null ? time : undatedAnchor(candidate), false, candidate.memoryOwner());
    }

    private Story join(Story target, StoryCandidate candidate, List<Story> absorbed, Instant time) {
        List<Story> all = new ArrayList<>();
        all.add(target);
        all.addAll(absorbed);
        Set<String> outlets = new TreeSet<>();
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Integer> terms = new HashMap<>(candidate.terms());
        Set<String> figures = new LinkedHashSet<>();
        Set<String> elements = candidate.relevant() ? new TreeSet<>(scope(candidate.event())) : new TreeSet<>();
        Instant earliest = time;
        Instant latest = time;
        for (Story story : all) {
            outlets.addAll(story.outlets());
            ids.addAll(story.identities());
            story.terms().forEach((term, count) -> terms.merge(term, count, Integer::sum));
            figures.addAll(story.figures());
            elements.addAll(story.elements());
            earliest = min(earliest, story.earliest());
            latest = max(latest, story.latest());
        }
        outlets.add(candidate.outlet());
        ids.addAll(candidate.identities());
        for (String figure : candidate.figures()) {
            // a report found not relevant adds no elements, not even those its headline names
            if (candidate.relevant() || !figure.startsWith(StoryText.TITLE_ELEMENT_PREFIX)) {
                figures.add(figure);
            }
        }
        Instant anchor = latest != null ? latest : max(target.anchor(), undatedAnchor(candidate));
        List<String> latestIds = List.copyOf(ids).subList(Math.max(0, ids.size() - MAX_IDENTITIES), ids.size());
        List<String> counted = List.copyOf(outlets).subList(0, Math.min(outlets.size(), MAX_OUTLETS));
        return new Story(target.id(), target.sequence(), target.firstItemId(), target.event(), counted,
                latestIds, mostFrequent(terms), List.copyOf(figures).subList(0, Math.min(figures.size(),
                4 * StoryText.MAX_FIGURES)), List.copyOf(elements), earliest, latest, anchor, false, target.origin());
    }

    /** An undated report is placed at the story clock, or at its extraction time before any dated one. */
    private Instant undatedAnchor(StoryCandidate candidate) {
        return clock != null ? clock : candidate.event().publishedAt();
    }

    private static Map<String, Integer> mostFrequent(Map<String, Integer> terms) {
        if (terms.size() <= StoryText.MAX_TERMS) {
            return terms;
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(terms.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> kept = new TreeMap<>();
        for (Map.Entry<String, Integer> entry : entries.subList(0, StoryText.MAX_TERMS)) {
            kept.put(entry.getKey(), entry.getValue());
        }
        return kept;
    }

    private void forgetInactiveBefore(Instant horizon) {
        while (!byAnchor.isEmpty() && byAnchor.first().anchor().isBefore(horizon)) {
            retire(byAnchor.first());
        }
    }

    private void save(Story story) {
        stories.put(story);
        index(story);
    }

    private void forget(Story story) {
        unindex(story);
        stories.delete(story.id());
    }

    /** Forgets a story that went out of the window or past the cap, keeping its trace. */
    private void retire(Story story) {
        unindex(story);
        Story trace = story.trace(TRACE_IDENTITIES);
        stories.put(trace);
        keepTrace(trace);
    }

    private void keepTrace(Story trace) {
        traces.put(trace.id(), trace);
        tracesBySource.computeIfAbsent(source(trace), s -> new LinkedHashSet<>()).add(trace.id());
        trace.identities().forEach(identity -> identities.putIfAbsent(identity, trace.id()));
        while (traces.size() > rules.maxStories()) {
            LinkedHashSet<String> ids = largest(tracesBySource);
            String id = ids.iterator().next();
            ids.remove(id);
            tracesBySource.values().removeIf(Set::isEmpty);
            Story oldest = traces.remove(id);
            oldest.identities().forEach(identity -> identities.remove(identity, oldest.id()));
            stories.delete(oldest.id());
        }
    }

    /** Whose share of memory a story takes: its first report's origin. */
    private static String source(Story story) {
        return story.memoryOwner();
    }

    /** Of the sources' collections, the largest; on a tie, the first source by name, the same after a restart. */
    private static <C extends Collection<?>> C largest(Map<String, C> bySource) {
        Map.Entry<String, C> largest = null;
        for (Map.Entry<String, C> held : bySource.entrySet()) {
            if (largest == null || held.getValue().size() > largest.getValue().size()
                    || held.getValue().size() == largest.getValue().size() && held.getKey().compareTo(largest.getKey()) < 0) {
                largest = held;
            }
        }
        return largest.getValue();
    }

    private void index(Story story) {
        byId.put(story.id(), story);
        byAnchor.add(story);
        storiesBySource.computeIfAbsent(source(story), s -> new TreeSet<>(BY_ANCHOR)).add(story);
        story.identities().forEach(identity -> identities.put(identity, story.id()));
        story.terms().keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        indexedTerms(story).forEach(term -> post(termPostings, term, story));
        story.elements().stream().distinct().forEach(element -> post(elementPostings, element, story));
        story.figures().stream().distinct().forEach(figure -> post(figurePostings, figure, story));
    }

    private void unindex(Story story) {
        byId.remove(story.id());
        byAnchor.remove(story);
        TreeSet<Story> held = storiesBySource.get(source(story));
        if (held != null && held.remove(story) && held.isEmpty()) {
            storiesBySource.remove(source(story));
        }
        story.identities().forEach(identity -> identities.remove(identity, story.id()));
        story.terms().keySet().forEach(term -> documentFrequency.computeIfPresent(term, (t, n) -> n > 1 ? n - 1 : null));
        indexedTerms(story).forEach(term -> unpost(termPostings, term, story));
        story.elements().stream().distinct().forEach(element -> unpost(elementPostings, element, story));
        story.figures().stream().distinct().forEach(figure -> unpost(figurePostings, figure, story));
    }

    /**
     * The terms a story can be found by: its {@link #INDEXED_TERMS} most frequent, not all it keeps.
     * A report looks stories up by its own most distinctive terms, and a story that shares none of
     * them with its most frequent ones would not score enough anyway; indexing every kept term made
     * the postings the largest part of the stage's memory.
     */
    private static List<String> indexedTerms(Story story) {
        if (story.terms().size() <= INDEXED_TERMS) {
            return List.copyOf(story.terms().keySet());
        }
        return story.terms().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(INDEXED_TERMS).map(Map.Entry::getKey).toList();
    }

    /** Adds a story to a key's holders; a story is posted once per key (its keys are distinct). */
    private static void post(Map<String, List<Story>> postings, String key, Story story) {
        postings.computeIfAbsent(key, k -> new ArrayList<>(1)).add(story);
    }

    /**
     * Removes a story from a key's holders. Looked for by identity (the holders are the very stories
     * indexed) from both ends at once: holders are in the order the stories were last indexed, a
     * story forgotten by the cap is among the first and one that a report just joined among the
     * last, and a word every story has (an element, a common word) has thousands of holders.
     */
    private static void unpost(Map<String, List<Story>> postings, String key, Story story) {
        List<Story> holders = postings.get(key);
        int found = -1;
        for (int front = 0, back = holders == null ? -1 : holders.size() - 1; front <= back && found < 0; front++, back--) {
            found = holders.get(front) == story ? front : holders.get(back) == story ? back : -1;
        }
        if (found < 0) {
            throw new IllegalStateException("story " + story.id() + " is not indexed under " + key);
        }
        holders.remove(found);
        if (holders.isEmpty()) {
            postings.remove(key);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
