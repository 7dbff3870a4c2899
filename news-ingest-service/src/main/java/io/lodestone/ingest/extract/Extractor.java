package io.lodestone.ingest.extract;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.classification.Classification;
import io.lodestone.ingest.extract.classification.Cue;
import io.lodestone.ingest.extract.classification.EventClassifier;
import io.lodestone.ingest.extract.classification.Hit;
import io.lodestone.ingest.extract.clauses.ClauseContext;
import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.elements.ElementFinder;
import io.lodestone.ingest.extract.elements.Gazetteer;
import io.lodestone.ingest.extract.elements.Mention;
import io.lodestone.ingest.extract.elements.Spans;
import io.lodestone.ingest.extract.evidence.EvidenceBuilder;
import io.lodestone.ingest.extract.relevance.Explainers;
import io.lodestone.ingest.extract.relevance.Relevance;
import io.lodestone.ingest.extract.relevance.Subjects;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.LanguageDetector;
import io.lodestone.ingest.extract.sentences.TimeAnchor;
import io.lodestone.ingest.item.NewsItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a news item into a supply event, by rules and dictionaries alone: the same item always
 * gives the same event, and every decision can be traced to a sentence and a dictionary line.
 * <ol>
 * <li>the item's sentences, and its language when the source did not give one;</li>
 * <li>where it names elements and groups ({@link ElementFinder}), and which clauses only recall
 *     the past or give a cause ({@link ClauseContext});</li>
 * <li>the event type and direction by weighted vote of the cues ({@link EventClassifier});</li>
 * <li>which of the named elements are the subject ({@link Subjects});</li>
 * <li>whether it is about supply at all ({@link Relevance}); if not, the type is NOT_RELEVANT;</li>
 * <li>countries and companies ({@link Gazetteer}), severity, confidence and evidence.</li>
 * </ol>
 * Built once and shared: it holds only immutable dictionaries and compiled patterns, so it is
 * safe for concurrent use. Not final so that tests of the item paths can make it fail on an item.
 */
public class Extractor {

    private static final Set<String> MAGNET_CRITICAL = Set.of("Nd", "Pr", "Dy", "Tb", "Sm");
    /** Trade measures, whose scope a list of examples in their sentence states. */
    private static final Set<EventType> TRADE_MEASURES = Set.of(EventType.EXPORT_RESTRICTION,
            EventType.EXPORT_RESTRICTION_EASED, EventType.SANCTION_OR_TARIFF, EventType.PRODUCTION_QUOTA);

    private final ElementFinder elements;
    private final ClauseContext clauses;
    private final EventClassifier classifier;
    private final Dictionary<Cue> supplyCues;
    private final Dictionary<Cue> noiseCues;
    private final Rulebook explainerTitles;
    private final Rulebook questionTitles;
    private final Rulebook explainerTexts;
    private final Rulebook mineralClasses;
    private final Rulebook outlookWords;
    private final Rulebook openLists;
    private final Lexicon lexicon;
    private final Gazetteer countries = Gazetteer.countries();
    static final int MAX_NAMED = 50;
    /** What may stand between a company's name and the move of its shares: a possessive, a ticker, spaces. */
    private static final Pattern COMPANY_JOINT = Pattern.compile("(?:['’]s)?(?:\\s*[(（][^()（）]{1,24}[)）])?\\s*\\z");
    private static final int COMPANY_JOINT_REACH = 32;
    /**
     * What stands between a company and the verb it is the subject of, all of it: its possessive, a
     * unit of it ("Katanga Mining unit", "Glencore's Congo unit"; capitalised words only before the
     * unit's word, so "Glencore Says Congo halts" is not Glencore halting), an auxiliary ("has",
     * "temporarily").
     */
    private static final Pattern COMPANY_SUBJECT = Pattern.compile("(?:['’]s)?(?:(?:\\s+\\p{Lu}[\\w&.-]*){0,2}"
            + "\\s+(?:unit|subsidiary|arm|affiliate))?(?:\\s+(?:has|have|had|will|would|is to|to|temporarily))?\\s*");
    /**
     * A state or a court telling a company what to do, anywhere before it in its sentence ("Congo
     * orders Glencore, CMOC to halt", 要求嘉能可和洛阳钼业暂停钴出口, "wants CMOC to halt").
     */
    private static final Pattern TOLD = Pattern.compile("(?i)要求|责令|責令|命令|勒令|下令|通知|\\b(?:ordered|orders|order"
            + "|told|tells|asked|asks|forced|forces|directed|directs|instructed|instructs|wants|want|wanted|urges|urged|urge)\\b");
    /** A halt or a restart, where an export cue begins ("suspends cobalt exports", 暂停钴出口, "resumes export"). */
    private static final Pattern HALT_OR_RESTART = Pattern.compile("(?i)(?:temporarily\\s+)?(?:suspend|halt|stop|paus|ceas"
            + "|freez|froze|resum|restart|re-start|暂停|暫停|停止|中止|恢复|恢復|重启|重啟)");
    /** What may stand between a title's metal and its price cue: a product form, a market or a price ("oxide", "spot", 价格). */
    private static final Pattern METAL_BEFORE_MOVE = Pattern.compile("(?i)(?:[ -](?:oxides?|metal|carbonate|hydroxide|"
            + "sulfate|sulphate|concentrates?|ore|powder|ingots?|prices?|spot|futures|contracts?|market|lme|apt)){0,2}[ -]?"
            + "|[价價格现現货貨期]{0,3}");
    private static final int METAL_GAP_REACH = 24;
    /** How far into a title's price cue its metal may begin ("LME镍又涨80%"). */
    private static final int METAL_OPENS_MOVE = 4;
    private static final Pattern PERCENT = Pattern.compile("[%％]|\\bper ?cent\\b");
    /** How far after an element a lead's "and other …" may stand to leave the title's list open ("lithium ore and other"). */
    static final int OPEN_LIST_REACH = 24;
    private final Gazetteer companies = Gazetteer.companies();

    public Extractor() {
        Lexicon.Builder words = new Lexicon.Builder();
        elements = new ElementFinder(words);
        clauses = new ClauseContext(words);
        classifier = new EventClassifier(words);
        supplyCues = Cue.weighted("supply-context.tsv", words);
        noiseCues = Cue.weighted("noise.tsv", words);
        explainerTitles = Rulebook.load("explainer-titles.tsv", words);
        questionTitles = Rulebook.load("question-titles.tsv", words);
        explainerTexts = Rulebook.load("explainer-texts.tsv", words);
        mineralClasses = Rulebook.load("mineral-classes.tsv", words);
        outlookWords = Rulebook.load("outlook-words.tsv", words);
        openLists = Rulebook.load("open-lists.tsv", words);
        lexicon = words.build();
    }

    /**
     * Extracts the event of one item.
     *
     * @param item       the item; a missing {@code publishedAt} is taken as {@code detectedAt}
     * @param detectedAt when extraction happens
     */
    public Extraction extract(NewsItem item, Instant detectedAt) {
        return extract(item, detectedAt, null);
    }

    /** Extraction that also writes every cue, clause and score into {@code trace}, to see why. */
    Extraction extract(NewsItem item, Instant detectedAt, List<String> trace) {
        Document document = new Document(item.title(), item.text(), lexicon::scan);
        LocalDate published = item.publishedAt() == null ? TimeAnchor.latestYearNamed(document, detectedAt)
                : LocalDate.ofInstant(item.publishedAt(), ZoneOffset.UTC);
        String language = LanguageDetector.language(item.language(), document.title, document.text);

        List<int[]> titleCompanyNames = companies.spans(document.title);
        List<int[]> textCompanyNames = companies.spans(document.text);
        Spans titleCompanies = Spans.of(titleCompanyNames);
        Spans textCompanies = Spans.of(textCompanyNames);
        List<Mention> mentions = withoutCompanyNames(elements.find(document), titleCompanies, textCompanies);
        List<Hit> triggers = companiesOwnExports(document,
                withoutCompanyMoves(document, classifier.hits(document), titleCompanies, textCompanies),
                titleCompanyNames, textCompanyNames);
        List<ClauseContext.Region> regions = withoutStillPricesWhenNothingMoved(withoutReactedToCause(document,
                withoutMeasureLists(withoutNegationsIn(clauses.mark(document, published, item.publishedAt() != null,
                        mentions), triggers), triggers), triggers), triggers);
        Classification classification = classifier.classify(document, triggers, regions);
        Subjects subjects = Subjects.choose(document, mentions, regions, triggers, listLeftOpen(document, mentions));
        boolean namedMineral = subjects.namesMineral();
        if (classification.type() == EventType.TECHNOLOGY_SUBSTITUTION) {
            Subjects substituted = Subjects.substituted(mentions, triggers);
            if (substituted != null) {
                subjects = substituted;
                namedMineral = subjects.namesMineral();
            } else {
                // 钠离子电池产线投产 replaces lithium, though the item need not name it
                substituted = Subjects.substituted(elements.implied(document), triggers);
                subjects = substituted == null ? subjects : substituted;
            }
        } else if (classification.type() == EventType.PRICE_MOVE) {
            subjects = subjects.priced(document, mentions, triggers);
        }
        // a headline that reports an event in strong words is news, whatever forecasts or questions follow
        boolean headline = classification.inTitleAtLeast(Relevance.HEADLINE_EVENT);
        // a headline asking whether the event happens is argument, unless the lead answers it with the event
        boolean explainer = Explainers.announced(document, explainerTitles, explainerTexts)
                || Explainers.asks(document, questionTitles)
                        && !(headline && EventClassifier.statedInLead(document, classification, triggers, regions))
                || !headline && Explainers.readsAsExplainer(document, outlookWords);
        boolean namesMineral = namedMineral || matchesUpTo(document, mineralClasses, 1);
        Relevance relevance = Relevance.judge(namesMineral, explainer, Hit.scan(document, supplyCues),
                withoutMetalMoves(Hit.scan(document, noiseCues), triggers, mentions), classification,
                metalMovesInTitle(document, triggers, mentions));

        if (trace != null) {
            trace(document, triggers, regions, classification, relevance, namesMineral, explainer, trace);
        }
        boolean relevant = relevance.relevant() && classification.type() != EventType.NOT_RELEVANT;
        EventType type = relevant ? classification.type() : EventType.NOT_RELEVANT;
        Direction direction = relevant ? classification.direction() : Direction.NEUTRAL;

        EvidenceBuilder evidence = new EvidenceBuilder(document);
        for (Map.Entry<String, Mention> shown : subjects.shownBy().entrySet()) {
            evidence.add(shown.getValue().field(), shown.getValue().start(), shown.getKey());
        }
        if (relevant && classification.evidence() != null) {
            evidence.add(classification.evidence().field(), classification.evidence().start(), type.name());
        } else if (!relevant && relevance.strongestNoise() != null) {
            evidence.add(relevance.strongestNoise().field(), relevance.strongestNoise().start(), type.name());
        }

        SupplyEventDetected event = new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, EventIds.eventId(item),
                item.sourceId(), item.url(), item.title(), item.publishedAt() == null ? detectedAt : item.publishedAt(),
                detectedAt, language, type, direction, severity(type, subjects), confidence(relevant, relevance,
                classification, subjects), subjects.elements(), subjects.groups(),
                firstNamed(countries.find(document.title, document.text)),
                firstNamed(companies.find(document.title, document.text)),
                evidence.build(), 1);
        return new Extraction(event, relevant);
    }

    /**
     * The first {@value #MAX_NAMED} countries or companies named: a directory page naming hundreds
     * of "… Ltd" makes no better event, and the contract bounds every list.
     */
    private static List<String> firstNamed(List<String> named) {
        return named.size() <= MAX_NAMED ? named : List.copyOf(named.subList(0, MAX_NAMED));
    }

    private static void trace(Document document, List<Hit> triggers, List<ClauseContext.Region> regions,
                              Classification classification, Relevance relevance, boolean namesMineral, boolean explainer,
                              List<String> trace) {
        for (Hit hit : triggers) {
            trace.add(String.format(Locale.ROOT, "cue %s:%s %.2f in sentence %d: %s", hit.cue().type(),
                    hit.cue().direction(), EventClassifier.vote(hit, regions), hit.sentence().rank(),
                    document.field(hit.field()).substring(hit.start(), hit.end())));
        }
        for (ClauseContext.Region region : regions) {
            trace.add("clause " + region.scope() + ": "
                    + document.field(region.field()).substring(region.start(), region.end()));
        }
        trace.add(String.format(Locale.ROOT, "type %s top %.2f runner-up %.2f strongest %.2f; supply %.2f noise %.2f"
                        + " namesMineral %s explainer %s", classification.type(), classification.top(),
                classification.runnerUp(), classification.strongest(), relevance.supply(), relevance.noise(),
                namesMineral, explainer));
    }

    /**
     * Whether the title leaves its list of elements open (open-lists.tsv: "gallium and other key
     * materials", 等五种金属), or the lead does right after an element the title names ("Namibia
     * Bans Lithium Ore Exports" over "a ban on the export of raw lithium ore and other critical
     * minerals"): the subjects are then taken from the whole item, not from the title.
     */
    private boolean listLeftOpen(Document document, List<Mention> mentions) {
        if (matchesUpTo(document, openLists, 0)) {
            return true;
        }
        Set<String> titled = new HashSet<>();
        for (Mention mention : mentions) {
            if (mention.field() == Field.TITLE && !mention.group()) {
                titled.add(mention.name());
            }
        }
        return !titled.isEmpty() && openLists.matchesAny(document, sentence -> sentence.rank() == 1,
                (sentence, start, end) -> mentions.stream().anyMatch(mention -> mention.field() == sentence.field()
                        && titled.contains(mention.name()) && mention.end() <= start && mention.end() >= sentence.start()
                        && start - mention.end() <= OPEN_LIST_REACH));
    }

    /** Whether a rule of {@code rules} matches in a sentence ranked {@code lastRank} or higher (0: the title, 1: the lead). */
    private static boolean matchesUpTo(Document document, Rulebook rules, int lastRank) {
        return rules.matchesAny(document, sentence -> sentence.rank() <= lastRank);
    }

    /**
     * The regions without the negations an event cue begins with: "did not export", "no longer
     * ships" say what the negation means, so neither the cue nor the elements after it are negated.
     */
    private static List<ClauseContext.Region> withoutNegationsIn(List<ClauseContext.Region> regions, List<Hit> cues) {
        return regions.stream().filter(region -> region.scope() != ClauseContext.Scope.NEGATED || cues.stream()
                .noneMatch(cue -> cue.field() == region.field() && cue.start() == region.start())).toList();
    }

    /**
     * The regions without the examples that list what a measure covers: "licences to export
     * products containing rare earths, such as samarium and terbium" names the measure's elements,
     * while "a deposit holding heavy rare earths such as dysprosium" only illustrates the group.
     * The list is the measure's when a trade measure's cue stands in its sentence.
     */
    private static List<ClauseContext.Region> withoutMeasureLists(List<ClauseContext.Region> regions, List<Hit> cues) {
        return regions.stream().filter(region -> region.scope() != ClauseContext.Scope.EXAMPLE || cues.stream()
                .noneMatch(cue -> cue.field() == region.field() && TRADE_MEASURES.contains(cue.cue().type())
                        && cue.sentence().start() <= region.start() && region.start() < cue.sentence().end())).toList();
    }

    /**
     * The regions without the title's "after …" clauses when every event cue of the title stands in
     * one: a headline whose main clause reports only a reaction ("Eramet promises to cooperate
     * with Gabon after manganese export ban") tells its news in what it reacts to. Other causes
     * stay damped: a purpose ("to cut reliance on …") or a concession ("despite", 尽管) is not the news.
     */
    private static List<ClauseContext.Region> withoutReactedToCause(Document document, List<ClauseContext.Region> regions,
                                                                    List<Hit> cues) {
        boolean anyInTitle = false;
        for (Hit cue : cues) {
            if (cue.field() != Field.TITLE || cue.cue().modifier()) {
                continue;
            }
            if (!ClauseContext.inside(regions, Field.TITLE, cue.start(), ClauseContext.Scope.CAUSE)) {
                return regions;
            }
            anyInTitle = true;
        }
        if (!anyInTitle) {
            return regions;
        }
        return regions.stream().filter(region -> region.field() != Field.TITLE || region.scope() != ClauseContext.Scope.CAUSE
                || !ClauseContext.reactsTo(document, region)).toList();
    }

    /**
     * The regions without the prices that held still, when no price moved: "Pr oxide was unchanged"
     * beside "Nd oxide rose 3%" is an aside, but a bulletin whose price held steady (持稳) reports
     * just that, a price move of no move. A still price is a clause that holds both a price cue and
     * a no-move modifier ("prices held steady", 价格持平).
     */
    private static List<ClauseContext.Region> withoutStillPricesWhenNothingMoved(List<ClauseContext.Region> regions,
                                                                                 List<Hit> cues) {
        for (Hit cue : cues) {
            if (cue.cue().type() == EventType.PRICE_MOVE && !cue.cue().modifier() && cue.cue().direction() != null
                    && !ClauseContext.inside(regions, cue.field(), cue.start(), ClauseContext.Scope.BACKGROUND)) {
                return regions;
            }
        }
        return regions.stream().filter(region -> region.scope() != ClauseContext.Scope.BACKGROUND
                || !(holds(region, cues, true) && holds(region, cues, false))).toList();
    }

    /** Whether a price cue stands in the region: a no-move modifier, or a cue of the type itself. */
    private static boolean holds(ClauseContext.Region region, List<Hit> cues, boolean stillModifier) {
        return cues.stream().anyMatch(cue -> cue.cue().type() == EventType.PRICE_MOVE && cue.field() == region.field()
                && region.start() <= cue.start() && cue.start() < region.end() && cue.cue().modifier() == stillModifier
                && (!stillModifier || cue.cue().direction() == Direction.NEUTRAL));
    }

    /**
     * Whether the title tells a metal's own price move: a price cue there that a named element or
     * group begins, or stands just before with at most a product form between ("LME镍又涨80%",
     * "Dysprosium oxide prices jump", 碳酸锂价格大涨). Talk of shares in the body ("锂矿股涨停") is
     * then the market's echo of the move, not the story.
     */
    private static boolean metalMovesInTitle(Document document, List<Hit> hits, List<Mention> mentions) {
        for (Hit hit : hits) {
            if (hit.field() != Field.TITLE || !isMove(hit)) {
                continue;
            }
            for (Mention mention : mentions) {
                if (opens(mention, hit) || mention.field() == Field.TITLE && mention.end() <= hit.start()
                        && hit.start() - mention.end() <= METAL_GAP_REACH
                        && METAL_BEFORE_MOVE.matcher(document.title).region(mention.end(), hit.start()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The noise without the words a metal's own price move is told in: 伦镍跌停 is the nickel
     * contract at its daily limit, though 跌停 alone is share talk.
     */
    private static List<Hit> withoutMetalMoves(List<Hit> noise, List<Hit> hits, List<Mention> mentions) {
        List<Hit> moves = hits.stream().filter(hit -> isMove(hit)
                && mentions.stream().anyMatch(mention -> opens(mention, hit))).toList();
        if (moves.isEmpty()) {
            return noise;
        }
        return noise.stream().filter(word -> moves.stream().noneMatch(move -> move.field() == word.field()
                && move.start() <= word.start() && word.end() <= move.end())).toList();
    }

    /** Whether a cue tells a price that moved one way or the other. */
    private static boolean isMove(Hit hit) {
        return hit.cue().type() == EventType.PRICE_MOVE && !hit.cue().modifier() && hit.cue().direction() != null;
    }

    /** Whether a price cue begins with the metal named ("LME镍又涨80%", "Lithium jumps 12%"). */
    private static boolean opens(Mention mention, Hit hit) {
        return mention.field() == hit.field() && mention.start() >= hit.start()
                && mention.start() <= hit.start() + METAL_OPENS_MOVE;
    }

    /**
     * The price cues without the moves of a company's shares: "USA Rare Earth Soars 10.12%" or
     * "Core Lithium jumps 12%" name a listed company, and the metal a price cue would see is the
     * company's name. A price cue that begins inside a company's name, or right after one (with
     * only spaces, a possessive or a ticker between) when it tells a percentage, is dropped.
     */
    private static List<Hit> withoutCompanyMoves(Document document, List<Hit> hits, Spans titleSpans, Spans textSpans) {
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            if (hit.cue().type() != EventType.PRICE_MOVE || hit.cue().modifier()) {
                kept.add(hit);
                continue;
            }
            Spans spans = hit.field() == Field.TITLE ? titleSpans : textSpans;
            String field = document.field(hit.field());
            int before = hit.start();
            Matcher joint = COMPANY_JOINT.matcher(field).region(Math.max(0, before - COMPANY_JOINT_REACH), before);
            int gapStart = joint.find() ? joint.start() : before;
            boolean inside = spans.overlaps(hit.start(), hit.start() + 1);
            boolean after = gapStart > 0 && spans.overlaps(gapStart - 1, gapStart)
                    && PERCENT.matcher(field).region(hit.start(), hit.end()).find();
            if (!inside && !after) {
                kept.add(hit);
            }
        }
        return kept;
    }

    /**
     * A company that halts or resumes its own exports ("Glencore halts cobalt exports from Congo
     * mine", 嘉能可暂停钴出口, "Katanga Mining unit resumes cobalt export") stops or restarts its
     * output reaching buyers: a production disruption, not a state's export control. An export
     * cue that opens with a halt or a restart, right after a listed company (companies.tsv; its
     * subject), votes so, with its weight and span. A quota or licence a company
     * secures stays the state's measure.
     */
    private static List<Hit> companiesOwnExports(Document document, List<Hit> hits, List<int[]> titleNames,
                                                 List<int[]> textNames) {
        List<Hit> read = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Direction direction = hit.cue().modifier() ? null
                    : hit.cue().type() == EventType.EXPORT_RESTRICTION_EASED ? Direction.EASING
                    : hit.cue().type() == EventType.EXPORT_RESTRICTION && hit.cue().direction() != Direction.EASING
                            ? Direction.TIGHTENING : null;
            String field = document.field(hit.field());
            if (direction != null
                    && HALT_OR_RESTART.matcher(field).region(hit.start(), hit.end()).lookingAt()
                    && subjectIsCompany(field, hit, hit.field() == Field.TITLE ? titleNames : textNames)) {
                read.add(new Hit(new Cue(EventType.PRODUCTION_DISRUPTION, direction, hit.cue().weight(), false),
                        hit.sentence(), hit.start(), hit.end(), hit.anchor()));
            } else {
                read.add(hit);
            }
        }
        return read;
    }

    /**
     * Whether a listed company's name ends right before the hit, in its sentence, as the subject of
     * its verb: all that stands between them is a possessive, a unit of it or an auxiliary, and no
     * one tells the company to act.
     */
    private static boolean subjectIsCompany(String field, Hit hit, List<int[]> names) {
        int from = Math.max(hit.sentence().start(), hit.start() - COMPANY_JOINT_REACH);
        for (int[] name : names) {
            if (name[1] >= from && name[1] <= hit.start() && name[0] >= hit.sentence().start()
                    && COMPANY_SUBJECT.matcher(field).region(name[1], hit.start()).matches()
                    && !TOLD.matcher(field).region(hit.sentence().start(), name[0]).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Mention> withoutCompanyNames(List<Mention> mentions, Spans titleSpans, Spans textSpans) {
        // "Xiamen Tungsten" or 洛阳钼业 names a company, not the metal the story is about; but when
        // the item names no metal or group besides ("Core Lithium halts mining"), it is the company's
        List<Mention> kept = new ArrayList<>();
        for (Mention mention : mentions) {
            Spans spans = mention.field() == Field.TITLE ? titleSpans : textSpans;
            if (mention.group() || !spans.overlaps(mention.start(), mention.end())) {
                kept.add(mention);
            }
        }
        return kept.isEmpty() ? mentions : kept;
    }

    /**
     * Severity: a base per type (an export restriction 4; eased controls, sanctions and outages 3;
     * substitution 1; the rest 2), one more when magnet-critical inputs (Nd, Pr, Dy, Tb, Sm, heavy
     * rare earths, NdFeB) or four or more elements are hit, within 1..5.
     */
    static int severity(EventType type, Subjects subjects) {
        int base = switch (type) {
            case EXPORT_RESTRICTION -> 4;
            case EXPORT_RESTRICTION_EASED, SANCTION_OR_TARIFF, PRODUCTION_DISRUPTION -> 3;
            case TECHNOLOGY_SUBSTITUTION, NOT_RELEVANT -> 1;
            default -> 2;
        };
        if (type == EventType.NOT_RELEVANT) {
            return 1;
        }
        boolean critical = subjects.elements().stream().anyMatch(MAGNET_CRITICAL::contains)
                || subjects.groups().contains(ElementGroup.HREE) || subjects.groups().contains(ElementGroup.NDFEB_MAGNET)
                || subjects.elements().size() >= 4;
        return Math.max(1, Math.min(5, base + (critical ? 1 : 0)));
    }

    /**
     * Confidence: for a relevant item, how clearly the winning type beat the runner-up and how much
     * supply evidence there is; for a rejected one, near-certain when no mineral is named, else
     * growing with the noise.
     */
    static double confidence(boolean relevant, Relevance relevance, Classification classification, Subjects subjects) {
        double value;
        if (relevant) {
            double margin = (classification.top() - classification.runnerUp()) / classification.top();
            value = 0.4 + 0.4 * margin + 0.2 * Math.min(1.0, relevance.supply() / 20.0);
        } else if (!subjects.namesMineral()) {
            value = 0.95;
        } else {
            value = 0.5 + 0.4 * Math.min(1.0, relevance.noise() / Math.max(relevance.supply(), 1.0));
        }
        return Math.round(Math.max(0.05, Math.min(0.99, value)) * 100) / 100.0;
    }
}
