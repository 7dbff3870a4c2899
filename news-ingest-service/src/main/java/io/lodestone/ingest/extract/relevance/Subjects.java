package io.lodestone.ingest.extract.relevance;

import io.lodestone.events.Element;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.classification.Hit;
import io.lodestone.ingest.extract.clauses.ClauseContext;
import io.lodestone.ingest.extract.elements.Mention;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The elements and groups an item is about, out of all those it names, with the mention that
 * shows it best.
 * <p>
 * Each mention scores its sentence's weight (title 2.5, lead 1.5, then 1.2 and 1.0), half as much
 * again in a sentence that carries an event cue, and almost nothing ({@value #BACKGROUND}) in a
 * background clause ("after curbs on gallium in 2023"). An element is a subject when it is named
 * outside background clauses and scores at least 1 — or at least 1.5 when the title already names
 * specific elements, so that a metal named once in passing deep in the story does not join them.
 * A group is a subject whenever it is named outside background clauses. If only background
 * mentions exist, they are kept rather than returning an item about nothing.
 * <p>
 * A title that names specific elements names the subjects: the elements the story names only
 * further down (a recalled control, a co-product, a metal a deposit also holds) are context. The
 * lead may complete the title's list (a sentence of the first two that names a title's element
 * along with others: "gallium, germanium and antimony"), though not with what it names only in its
 * setting ("first gallium …, in the context of China's ban on gallium, germanium and antimony"),
 * and a title that leaves its list open
 * ("gallium and other materials", 钨、钼等五种金属) leaves the choice to the whole item.
 */
public record Subjects(List<String> elements, List<ElementGroup> groups, Map<String, Mention> shownBy) {

    public static final double BACKGROUND = 0.15;
    public static final double CUE_SENTENCE = 1.5;
    /**
     * A claim, forecast or denial ("would cover gallium"), or an example of a group ("heavy rare
     * earths such as dysprosium"), names an element with less weight.
     */
    public static final double UNASSERTED = 0.5;
    /** The title and the first two sentences of the text state the news. */
    public static final int UP_FRONT = 2;
    /** What an element named only after them must score: asides name an element once in passing. */
    public static final double DEEP = 1.5;

    public boolean namesMineral() {
        return !elements.isEmpty() || !groups.isEmpty();
    }

    /**
     * @param titleListOpen whether the title says its list of elements is incomplete ("and other
     *                      metals", 等五种金属)
     */
    public static Subjects choose(Document document, List<Mention> mentions, List<ClauseContext.Region> regions,
                           List<Hit> triggers, boolean titleListOpen) {
        Set<Sentence> cueSentences = new HashSet<>();
        for (Hit hit : triggers) {
            cueSentences.add(hit.sentence());
        }
        Map<String, Double> scores = new HashMap<>();
        Map<String, Mention> best = new LinkedHashMap<>();
        Map<String, Double> bestScore = new HashMap<>();
        Set<String> foreground = new HashSet<>();
        boolean titleNamesElements = false;
        Set<String> upFront = new HashSet<>();
        Set<String> inTitle = new HashSet<>();
        Map<Sentence, Set<String>> namedIn = new HashMap<>();
        for (Mention mention : mentions) {
            Sentence sentence = document.sentenceAt(mention.field(), mention.start());
            if (sentence == null) {
                continue;
            }
            boolean background = sentence.rank() > 0
                    && ClauseContext.inside(regions, mention.field(), mention.start(), ClauseContext.Scope.BACKGROUND);
            boolean unasserted = ClauseContext.inside(regions, mention.field(), mention.start(), ClauseContext.Scope.HEDGED)
                    || ClauseContext.inside(regions, mention.field(), mention.start(), ClauseContext.Scope.NEGATED)
                    || !mention.group() && ClauseContext.inside(regions, mention.field(), mention.start(),
                    ClauseContext.Scope.EXAMPLE);
            double score = sentence.weight() * (cueSentences.contains(sentence) ? CUE_SENTENCE : 1.0)
                    * (background ? BACKGROUND : 1.0) * (unasserted ? UNASSERTED : 1.0);
            String key = key(mention);
            scores.merge(key, score, Double::sum);
            if (!background) {
                foreground.add(key);
                if (sentence.rank() <= UP_FRONT) {
                    upFront.add(key);
                }
                if (!ClauseContext.inSetting(document, regions, mention.field(), mention.start())) {
                    namedIn.computeIfAbsent(sentence, x -> new HashSet<>()).add(key);
                }
                if (sentence.rank() == 0) {
                    inTitle.add(key);
                    titleNamesElements |= !mention.group();
                }
            }
            if (score > bestScore.getOrDefault(key, -1.0)) {
                bestScore.put(key, score);
                best.put(key, mention);
            }
        }
        double threshold = titleNamesElements ? 1.5 : 1.0;
        boolean titleNamesSubjects = titleNamesElements && !titleListOpen;
        Set<String> titleSubjects = new HashSet<>(inTitle);
        namedIn.forEach((sentence, keys) -> {
            if (sentence.rank() >= 1 && sentence.rank() <= UP_FRONT && keys.stream()
                    .anyMatch(key -> inTitle.contains(key) && !key.startsWith("group:"))) {
                titleSubjects.addAll(keys);
            }
        });
        List<String> elements = new ArrayList<>();
        List<ElementGroup> groups = new ArrayList<>();
        for (Element element : Elements.all()) {
            String key = element.symbol();
            if (foreground.contains(key) && scores.get(key) >= (upFront.contains(key) ? threshold : DEEP)
                    && (!titleNamesSubjects || titleSubjects.contains(key))) {
                elements.add(key);
            }
        }
        for (ElementGroup group : ElementGroup.values()) {
            if (foreground.contains("group:" + group.name())) {
                groups.add(group);
            }
        }
        if (elements.isEmpty() && groups.isEmpty()) {
            for (Element element : Elements.all()) {
                if (scores.containsKey(element.symbol())) {
                    elements.add(element.symbol());
                }
            }
            for (ElementGroup group : ElementGroup.values()) {
                if (scores.containsKey("group:" + group.name())) {
                    groups.add(group);
                }
            }
        }
        Map<String, Mention> shownBy = new LinkedHashMap<>();
        for (String symbol : elements) {
            shownBy.put(symbol, best.get(symbol));
        }
        for (ElementGroup group : groups) {
            shownBy.put(group.name(), best.get("group:" + group.name()));
        }
        return new Subjects(List.copyOf(elements), List.copyOf(groups), shownBy);
    }

    /**
     * What a substitution story is about: the elements and groups its substitution cues name ("free
     * of dysprosium", "halves neodymium use", "rare earth-free"), not the product that stays (the
     * neodymium magnet) nor the substitute (cerium, ferrite). A group narrower than all rare earths
     * that a cue names ("no heavy rare earths") stands for the members the item names ("dysprosium
     * and/or terbium"), and a group gives way once elements are named. Null when no cue names any, so
     * that the usual choice stands.
     */
    public static Subjects substituted(List<Mention> mentions, List<Hit> cues) {
        Set<String> named = new HashSet<>();
        Set<ElementGroup> narrowed = EnumSet.noneOf(ElementGroup.class);
        Map<String, Mention> shown = new HashMap<>();
        for (Hit cue : cues) {
            if (cue.cue().type() != EventType.TECHNOLOGY_SUBSTITUTION || cue.cue().modifier()) {
                continue;
            }
            for (Mention mention : mentions) {
                if (mention.field() == cue.field() && cue.start() <= mention.start() && mention.start() < cue.end()) {
                    String key = key(mention);
                    named.add(key);
                    shown.putIfAbsent(key, mention);
                    ElementGroup group = mention.group() ? ElementGroup.valueOf(mention.name()) : null;
                    if (group != null && group != ElementGroup.REE) {
                        narrowed.add(group);
                    }
                }
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        for (Mention mention : mentions) {
            if (!mention.group() && Elements.bySymbol(mention.name())
                    .filter(element -> narrowed.stream().anyMatch(element::belongsTo)).isPresent()) {
                named.add(mention.name());
                shown.putIfAbsent(mention.name(), mention);
            }
        }
        List<String> elements = Elements.all().stream().map(Element::symbol).filter(named::contains).toList();
        List<ElementGroup> groups = elements.isEmpty()
                ? Arrays.stream(ElementGroup.values()).filter(group -> named.contains("group:" + group.name())).toList()
                : List.of();
        Map<String, Mention> shownBy = new LinkedHashMap<>();
        elements.forEach(symbol -> shownBy.put(symbol, shown.get(symbol)));
        groups.forEach(group -> shownBy.put(group.name(), shown.get("group:" + group.name())));
        return new Subjects(elements, groups, shownBy);
    }

    /**
     * What a price story is about: of the elements chosen, those named in a sentence that carries a
     * price cue ("dysprosium has tripled", 铽价…飙升至). A price story often restates the measure
     * that moved the market, with its whole list of elements ("controls on samarium, gadolinium,
     * terbium, dysprosium …"); the elements whose price is reported are the story. Unchanged when no
     * price sentence names a chosen element, or when every chosen element is named in one.
     */
    public Subjects priced(Document document, List<Mention> mentions, List<Hit> cues) {
        Set<Sentence> priceSentences = new HashSet<>();
        for (Hit cue : cues) {
            if (cue.cue().type() == EventType.PRICE_MOVE) {
                priceSentences.add(cue.sentence());
            }
        }
        Set<String> priced = new HashSet<>();
        for (Mention mention : mentions) {
            if (!mention.group() && priceSentences.contains(document.sentenceAt(mention.field(), mention.start()))) {
                priced.add(mention.name());
            }
        }
        List<String> kept = elements.stream().filter(priced::contains).toList();
        if (kept.isEmpty() || kept.size() == elements.size()) {
            return this;
        }
        Map<String, Mention> shown = new LinkedHashMap<>(shownBy);
        shown.keySet().removeIf(key -> elements.contains(key) && !kept.contains(key));
        return new Subjects(kept, groups, shown);
    }

    private static String key(Mention mention) {
        return mention.group() ? "group:" + mention.name() : mention.name();
    }
}
