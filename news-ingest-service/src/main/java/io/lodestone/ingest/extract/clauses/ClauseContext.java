package io.lodestone.ingest.extract.clauses;

import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rule;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.elements.Mention;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import io.lodestone.ingest.extract.sentences.TimeAnchor;
import io.lodestone.ingest.item.SparseMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the clause scope of an item (background.tsv): clauses that recall the past ("after it
 * restricted gallium in 2023", 此前对镓锗实施管制, "at the time", 上世纪90年代), give a cause or setting
 * ("amid China's export curbs"), are negated ("will not halt", 不会) or hedged and conditional
 * ("could", "is expected to", "if", 预计, 若), and asides (uses, composition, unmoved prices).
 * Elements named only in background clauses are not the subject of the event; event-type cues in
 * any marked clause count for less. A year before the item's own year counts as a recollection too
 * (unless the item is from January or February and the year is the previous one), and so does, in a
 * dated item, a month at least two months before its own ("in April", "from Aug. 1", 今年4月 in a
 * November item), unless it is a deadline ahead ("until June", 延长至6月底 in a December item) or a
 * month of next year ("in June next year", 明年6月). A
 * sentence that opens by going on from a recollection ("Following the announcement, prices
 * surged", 随后) recalls the past as well.
 */
public final class ClauseContext {

    private static final Pattern PAST_YEAR_EN = Pattern.compile("\\b(?:in|since|during|back in|from|until|of|the)\\s+"
            + "(?:early |late |mid-?)?(?:(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)\\s+)?"
            + "((?:19|20)\\d\\d)$", Pattern.CASE_INSENSITIVE);
    private static final String BOUNDARIES = ",;:，；：()（）—–";
    /** The longest word, in characters, read as one item of a list that goes on after a comma. */
    private static final int MAX_LIST_WORD = 20;
    private static final int INTRODUCTION = 15;
    /** How far after its clause's start a time may stand and still head it (a quote mark, a space), when a clause precedes it. */
    private static final int HEADING = 2;
    /**
     * How far a clause reaches from its cue, each way, in characters. Real clauses are far shorter;
     * without a bound, text with no clause boundary ("2025年2025年…", item-long) made every cue in
     * it scan the whole sentence, quadratic in its length.
     */
    private static final int MAX_REACH = 1_000;
    /** How far into its sentence a clause cue may start and still open the sentence (a quote mark, a space). */
    private static final int FRONTED = 2;

    private static final Pattern MONTH_EN = Pattern.compile("\\b(?:in|on|since|during|from|until|by|last|early|late|mid-?)"
            + "\\s+(?:early |late |mid-?)?(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?:\\s+\\d{1,2})?(?!\\s*,?\\s*(?:\\d{4}|next year))\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * Openings that go on with the sentence before ("Following the announcement, prices surged"):
     * after a sentence that only recalls the past, such a sentence recalls it too.
     */
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*(?:(?:following|after) (?:the|that|this|which|"
            + "those|these) (?:announcement|move|decision|ban|measure|measures|restrictions?|controls?|notice)|after that"
            + "|since then|subsequently|thereafter|随后|此后|之后|其后|隨後|此後|之後|其後|此举|此舉)", Pattern.CASE_INSENSITIVE);
    /**
     * A clause that is nothing but a time ("…, in December last year, China banned …", "…, back in
     * 2023, Beijing …", 据报道，去年12月，…): it dates the main clause that follows it, as a time that
     * opens the sentence does.
     */
    private static final Pattern BARE_TIME = Pattern.compile("\\s*(?:(?:back |as early as |as far back as )?"
            + "(?:in|on|during|by|since|at the (?:end|start|beginning) of)\\s+)?(?:early |late |mid-?)?"
            + "(?:(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?\\s*(?:\\d{1,2},?\\s*)?)?"
            + "(?:(?:19|20)\\d\\d|last year|the (?:previous|prior) year|a year (?:ago|earlier)|\\w+ years? (?:ago|earlier)"
            + "|last (?:month|summer|autumn|fall|winter|spring|decade))"
            + "|\\s*(?:早在|在|于|於)?(?:去年|前年|(?:19|20)\\d\\d年)(?:\\d{1,2}月)?(?:\\d{1,2}[日号號])?"
            + "(?:初|底|中|末|上旬|中旬|下旬)?(?:时|時)?\\s*", Pattern.CASE_INSENSITIVE);
    /** What names a law or notice just before its year ("Act of", "No. 61 of", "Regulations 2020"). */
    private static final Pattern NAMED_BEFORE = Pattern.compile("\\b(?:Act|Law|Code|Ordinance|Regulations?|Decree"
            + "|Directive|Proclamation|Announcement|Notice|Order)(?: No\\.? ?\\d+)?,? (?:of )?$|\\bNo\\.? ?\\d+ of $");
    /**
     * A year a superlative is measured against ("the highest since 2011", "lowest level since May
     * 2019", "the first time since 2015"): a baseline of today's news, not a recollection.
     */
    private static final Pattern BASELINE = Pattern.compile("\\b(?:highest|lowest|strongest|weakest|biggest|largest"
            + "|smallest|best|worst|first time|level|levels)(?: level| price| point)? since (?:early |late |mid-?)?"
            + "(?:[A-Z][a-z]{2,8}\\.? )?$", Pattern.CASE_INSENSITIVE);
    /** What numbers a notice right after its year: 公告2024年第46号, 2025年第61號. */
    private static final Pattern NAMED_AFTER = Pattern.compile("年第\\d+[号號]");
    /** How a cause clause names what its main clause reacts to. */
    private static final Pattern REACTED_TO = Pattern.compile("(?:after|following|in the wake of|in response to)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEADLINE_EN = Pattern.compile("(?:until|by)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_ZH = Pattern.compile("(?:今年|本年)?(\\d{1,2})月(?:\\d{1,2}[日号號])?");
    /** Where the month patterns may start: one of MONTH_EN's leading words; a digit or 今/本. */
    private static final SparseMatcher.MayStart MONTH_EN_START = (s, i, nextDigit) ->
            SparseMatcher.wordStartAmong(s, i, "iosdfublemIOSDFUBLEM");
    private static final SparseMatcher.MayStart MONTH_ZH_START = (s, i, nextDigit) ->
            nextDigit == i || s.charAt(i) == '今' || s.charAt(i) == '本';
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    /** A month this many months or more before the item's own month is a recollection. */
    private static final int RECALLED_MONTHS = 2;

    /** What a marked clause does to the cues and names in it. */
    public enum Scope {
        /** Recalls the past: elements named only here are not the subject; cues count little. */
        BACKGROUND,
        /** Gives a cause or setting: cues count little, elements still count. */
        CAUSE,
        /** Negated ("will not halt", 不会): cues count for almost nothing. */
        NEGATED,
        /** Hedged or forecast ("could", "is expected to", 预计): cues count half. */
        HEDGED,
        /**
         * Names members of a rare-earth group as examples ("heavy rare earths such as dysprosium",
         * 轻稀土,像镧、铈): the elements there count half, as in a hedge, unless a trade measure's
         * cue stands in their sentence (the list is then the measure's scope; see the extractor).
         * Cues are not affected.
         */
        EXAMPLE
    }

    /** How much of its clause a background.tsv line marks. */
    private enum Reach {
        /** The whole clause that holds the cue. */
        CLAUSE,
        /** From the cue to the clause's end ("amid China's curbs"). */
        TAIL,
        /** From the clause's start to the cue: the subject of a verb that tells a cause ("surging prices prompt …"). */
        HEAD
    }

    /** What a background.tsv line marks: its scope, and how much of the clause. */
    private record ContextCue(Scope scope, Reach reach) {
    }

    /** A marked stretch of a field. */
    public record Region(Field field, int start, int end, Scope scope) {
    }

    private final Dictionary<ContextCue> cues;

    public ClauseContext(Lexicon.Builder lexicon) {
        List<ContextCue> entries = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Dictionary.Row row : Dictionary.rows("background.tsv", 4)) {
            Scope scope = switch (row.cell(0)) {
                case "bg" -> Scope.BACKGROUND;
                case "cause" -> Scope.CAUSE;
                case "neg" -> Scope.NEGATED;
                case "hedge" -> Scope.HEDGED;
                case "example" -> Scope.EXAMPLE;
                default -> throw new IllegalStateException(row.where()
                        + ": scope must be bg, cause, neg, hedge or example");
            };
            Reach reach = switch (row.cell(1)) {
                case "clause" -> Reach.CLAUSE;
                case "tail" -> Reach.TAIL;
                case "head" -> Reach.HEAD;
                default -> throw new IllegalStateException(row.where() + ": reach must be clause, tail or head");
            };
            entries.add(new ContextCue(scope, reach));
            rules.add(Rule.of(row.cell(2), row.cell(3), row.where()));
        }
        cues = new Dictionary<>(entries, new Rulebook(lexicon, rules));
    }

    public List<Region> mark(Document document, LocalDate published, boolean datedItem, List<Mention> mentions) {
        List<Region> regions = new ArrayList<>();
        cues.rules().matches(document, false, (rule, sentence, start, end) -> {
            ContextCue cue = cues.entries().get(rule);
            String s = document.field(sentence.field());
            regions.add(cue.reach() == Reach.HEAD
                    ? new Region(sentence.field(), headStart(s, sentence, start), start, cue.scope())
                    : region(s, sentence, mentions, start, end, cue.reach() == Reach.CLAUSE, cue.scope()));
        });
        if (published != null) {
            for (Field field : Field.values()) {
                String s = document.field(field);
                for (int at = nextYear(s, 0); at >= 0; at = nextYear(s, at + 4)) {
                    int year = Integer.parseInt(s, at, at + 4, 10);
                    boolean past = year < published.getYear()
                            && (!(year == published.getYear() - 1 && published.getMonthValue() <= 2)
                            || monthsBefore(s, at, year, published) >= RECALLED_MONTHS);
                    Sentence sentence = document.sentenceAt(field, at);
                    if (!past || sentence == null || partOfName(s, at) || baseline(s, at)) {
                        continue;
                    }
                    int cueStart = -1;
                    if (at + 4 < s.length() && s.charAt(at + 4) == '年') {
                        cueStart = at;
                    } else {
                        Matcher m = PAST_YEAR_EN.matcher(s).region(Math.max(sentence.start(), at - 40), at + 4)
                                .useTransparentBounds(true);
                        if (m.find()) {
                            cueStart = m.start();
                        }
                    }
                    if (cueStart >= 0) {
                        regions.add(region(s, sentence, mentions, cueStart, at + 4, true, Scope.BACKGROUND));
                    }
                }
            }
        }
        if (published != null && datedItem) {
            markRecalledMonths(document, published, mentions, regions);
        }
        markContinuations(document, regions);
        return regions;
    }

    /**
     * How many months before the item's own month a year named with its month stands (2025年2月 in an
     * item of January 2026: 11), or 0 when no month follows the year. Last year is news in the first
     * weeks of a year, but not last year's February.
     */
    static int monthsBefore(String s, int at, int year, LocalDate published) {
        int i = at + 4;
        if (i >= s.length() || s.charAt(i) != '年') {
            return 0;
        }
        int month = 0;
        int digits = 0;
        for (i++; i < s.length() && digits < 2 && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++, digits++) {
            month = month * 10 + (s.charAt(i) - '0');
        }
        if (digits == 0 || i >= s.length() || s.charAt(i) != '月' || month < 1 || month > 12) {
            return 0;
        }
        return published.getYear() * 12 + published.getMonthValue() - (year * 12 + month);
    }

    /**
     * Whether the year at {@code at} is part of the name of a law or a notice rather than a time:
     * "the Trade Expansion Act of 1962", "Announcement No. 61 of 2025", 商务部公告2024年第46号,
     * 商办〔2025〕12号. Acting under an old law or suspending a numbered notice is news of today.
     */
    static boolean partOfName(String s, int at) {
        return NAMED_BEFORE.matcher(s).region(Math.max(0, at - 30), at).useTransparentBounds(true).find()
                || NAMED_AFTER.matcher(s).region(at + 4, Math.min(s.length(), at + 12)).lookingAt()
                || at > 0 && at + 4 < s.length() && "〔[【(（".indexOf(s.charAt(at - 1)) >= 0
                && "〕]】)）".indexOf(s.charAt(at + 4)) >= 0;
    }

    /** Whether the year at {@code at} is what a superlative is measured against ("highest since 2011"). */
    static boolean baseline(String s, int at) {
        return BASELINE.matcher(s).region(Math.max(0, at - 40), at).useTransparentBounds(true).find();
    }

    /** "in April" or 今年4月 in an item from November: a same-year recollection. */
    private static void markRecalledMonths(Document document, LocalDate published, List<Mention> mentions,
                                           List<Region> regions) {
        for (Field field : Field.values()) {
            String s = document.field(field);
            for (Pattern pattern : List.of(MONTH_EN, MONTH_ZH)) {
                if (pattern == MONTH_ZH && s.indexOf('月') < 0) {
                    continue;
                }
                SparseMatcher m = new SparseMatcher(pattern, s, pattern == MONTH_EN ? MONTH_EN_START : MONTH_ZH_START);
                while (m.find()) {
                    int month = pattern == MONTH_EN ? monthOf(Document.fold(m.group(1)))
                            : Integer.parseInt(m.group(1));
                    // 2024年4月: a month of another year is for the year rule; of the item's own year, it is ours
                    int year = pattern == MONTH_ZH && m.start() >= 5 && s.charAt(m.start() - 1) == '年'
                            ? TimeAnchor.yearAt(s, m.start() - 5) : -1;
                    boolean yearFollows = year > 0 && year != published.getYear()
                            // 明年6月, 次年3月: next year's month, ahead
                            || pattern == MONTH_ZH && m.start() >= 2 && s.charAt(m.start() - 1) == '年'
                            && "明次来來翌".indexOf(s.charAt(m.start() - 2)) >= 0;
                    // "until June", 延长至6月底: a deadline ahead (next year's month), not a recollection
                    boolean deadline = pattern == MONTH_ZH ? m.start() > 0 && "至到".indexOf(s.charAt(m.start() - 1)) >= 0
                            : DEADLINE_EN.matcher(s).region(m.start(), m.end()).lookingAt();
                    Sentence sentence = document.sentenceAt(field, m.start());
                    if (sentence != null && !yearFollows && !deadline && month >= 1 && month <= 12
                            && month <= published.getMonthValue() - RECALLED_MONTHS) {
                        regions.add(region(s, sentence, mentions, m.start(), m.end(), true, Scope.BACKGROUND));
                    }
                }
            }
        }
    }

    /** January is 1: a month's name or its abbreviation ("aug", "sept"). */
    private static int monthOf(String name) {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(name.substring(0, 3))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A sentence that opens by going on from a recollection ("Following the announcement, …") recalls it too. */
    private static void markContinuations(Document document, List<Region> regions) {
        for (Field field : Field.values()) {
            List<Sentence> sentences = document.sentences(field);
            Matcher opening = CONTINUATION.matcher(document.field(field));
            for (int i = 1; i < sentences.size(); i++) {
                Sentence previous = sentences.get(i - 1);
                Sentence sentence = sentences.get(i);
                if (opening.region(sentence.start(), sentence.end()).lookingAt()
                        && wholly(regions, previous, Scope.BACKGROUND)) {
                    regions.add(new Region(field, sentence.start(), sentence.end(), Scope.BACKGROUND));
                }
            }
        }
    }

    /** Whether one region of the scope covers the sentence (but for the spaces and mark at its ends). */
    private static boolean wholly(List<Region> regions, Sentence sentence, Scope scope) {
        for (Region region : regions) {
            if (region.scope() == scope && region.field() == sentence.field()
                    && region.start() <= sentence.start() + 2 && region.end() >= sentence.end() - 2) {
                return true;
            }
        }
        return false;
    }

    /** The offset of the next four-digit year 1900–2099 standing alone, or -1. */
    private static int nextYear(String s, int from) {
        for (int i = Math.max(from, 0); i + 4 <= s.length(); i++) {
            if (TimeAnchor.yearAt(s, i) > 0) {
                return i;
            }
        }
        return -1;
    }


    /**
     * Whether a cause clause names what its main clause reacts to ("… after manganese export ban",
     * "in response to Beijing's curbs"), rather than a setting ("amid a US deal"), a concession
     * ("despite") or a purpose ("to boost output").
     */
    public static boolean reactsTo(Document document, Region region) {
        return region.scope() == Scope.CAUSE
                && REACTED_TO.matcher(document.field(region.field())).region(region.start(), region.end()).lookingAt();
    }

    /** Whether the offset stands in a cause clause that is a setting, not what the news reacts to. */
    public static boolean inSetting(Document document, List<Region> regions, Field field, int offset) {
        for (Region region : regions) {
            if (region.scope() == Scope.CAUSE && region.field() == field && offset >= region.start()
                    && offset < region.end() && !reactsTo(document, region)) {
                return true;
            }
        }
        return false;
    }

    public static boolean inside(List<Region> regions, Field field, int offset, Scope scope) {
        for (Region region : regions) {
            if (region.scope() == scope && region.field() == field
                    && offset >= region.start() && offset < region.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a region of the scope covers any of {@code [start, end)}: a cue whose own words run
     * into a hedge ("prices expected to hit a record", matched from "prices") is hedged as a cue
     * that starts inside one is.
     */
    public static boolean overlaps(List<Region> regions, Field field, int start, int end, Scope scope) {
        for (Region region : regions) {
            if (region.scope() == scope && region.field() == field && start < region.end() && region.start() < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause ends at {@code i}: a comma, a semicolon, a colon, a bracket, a dash, or a space
     * between two Han characters, which Chinese headlines use as a comma ("瑞典发现欧洲最大稀土矿床
     * 预计至少10年后才能开采": the forecast after the space hedges only itself).
     */
    private static boolean boundaryAt(String s, int i) {
        char c = s.charAt(i);
        if (BOUNDARIES.indexOf(c) >= 0) {
            return true;
        }
        return (c == ' ' || c == '\u3000') && i > 0 && i + 1 < s.length() && han(s.charAt(i - 1)) && han(s.charAt(i + 1));
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Where the clause holding {@code offset} begins: after the last clause boundary before it in its sentence. */
    private static int clauseStart(String s, Sentence sentence, int offset) {
        int start = offset;
        int floor = Math.max(sentence.start(), offset - MAX_REACH);
        while (start > floor && !boundaryAt(s, start - 1)) {
            start--;
        }
        return start;
    }

    /**
     * Where the head of a cue that tells a cause begins: its clause's start, or, when the cue opens its
     * clause ("刚果金暂停出口，引发钴价暴涨"), the clause before it, which is then what caused the rest.
     */
    private static int headStart(String s, Sentence sentence, int cueStart) {
        int start = clauseStart(s, sentence, cueStart);
        if (start > sentence.start() && s.substring(start, cueStart).isBlank()) {
            start = clauseStart(s, sentence, start - 1);
        }
        return start;
    }

    private static Region region(String s, Sentence sentence, List<Mention> mentions, int cueStart, int cueEnd,
                                 boolean wholeClause, Scope scope) {
        int start = wholeClause ? clauseStart(s, sentence, cueStart) : cueStart;
        int end = cueEnd;
        // a time that opens the sentence ("In 2019, …", 去年，…, 据悉，去年…) covers all of it; one inside a
        // clause with its own subject after a reporting verb (彭博报导，日本首相去年…，商务部6日宣布…) only that clause
        boolean introduction = wholeClause && cueStart - sentence.start() <= INTRODUCTION
                && (start == sentence.start() || cueStart - start <= HEADING);
        // a clause that opens the sentence ("After Congo extended its ban, cobalt prices rose")
        // ends at its comma, whatever follows: the main clause comes next
        boolean fronted = !wholeClause && cueStart - sentence.start() <= FRONTED;
        int ceiling = Math.min(sentence.end(), cueEnd + MAX_REACH);
        while (end < ceiling) {
            char c = s.charAt(end);
            if (c == ';' || c == '；') {
                break;
            }
            if (!introduction && boundaryAt(s, end)
                    && (fronted || !continuesList(s, end + 1, sentence.field(), mentions))) {
                if (wholeClause && (c == ',' || c == '，') && BARE_TIME.matcher(s).region(start, end).matches()) {
                    introduction = true;
                } else {
                    break;
                }
            }
            end++;
        }
        return new Region(sentence.field(), start, end, scope);
    }

    /**
     * Whether the text after a comma goes on with the list before it: an element follows, or one
     * word before an element ("nickel ore, refined tin and thermal coal"), or one word that is
     * itself followed by a comma, "and" or "or" ("the deposit also includes uranium, beryllium,
     * gallium, hafnium and zirconium", where beryllium is no tracked element).
     */
    private static boolean continuesList(String s, int from, Field field, List<Mention> mentions) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (s.startsWith("and ", i)) {
            i += 4;
        } else if (s.startsWith("or ", i)) {
            i += 3;
        }
        if (mentionAt(mentions, field, i)) {
            return true;
        }
        int word = i;
        while (word < s.length() && word - i <= MAX_LIST_WORD
                && (Character.isLetter(s.charAt(word)) || s.charAt(word) == '-')) {
            word++;
        }
        return word > i && word - i <= MAX_LIST_WORD && (word < s.length() && s.charAt(word) == ','
                || s.startsWith(" and ", word) || s.startsWith(" or ", word)
                || word < s.length() && s.charAt(word) == ' ' && mentionAt(mentions, field, word + 1));
    }

    private static boolean mentionAt(List<Mention> mentions, Field field, int at) {
        for (Mention mention : mentions) {
            if (mention.field() == field && mention.start() == at) {
                return true;
            }
        }
        return false;
    }
}
