package io.lodestone.ingest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the clauses of an item that recall the past ("after it restricted gallium in 2023",
 * 此前对镓锗实施管制) or give a cause or setting ("amid China's export curbs"). Elements named
 * only in background clauses are not the subject of the event; event-type cues in either kind of
 * clause count for little. Cues are in background.tsv; a year before the item's own year counts as
 * a recollection too (unless the item is from January or February and the year is the previous one).
 */
final class ClauseContext {

    private static final Pattern PAST_YEAR_EN = Pattern.compile("\\b(?:in|since|during|back in|from|until|of|the)\\s+"
            + "(?:early |late |mid-?)?(?:(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)\\s+)?"
            + "((?:19|20)\\d\\d)$", Pattern.CASE_INSENSITIVE);
    private static final String BOUNDARIES = ",;:，；：()（）—–";
    private static final int INTRODUCTION = 15;

    /** What a background.tsv line marks: background or cause, the whole clause or its tail. */
    private record ContextCue(boolean background, boolean wholeClause) {
    }

    /** A marked stretch of a field. */
    record Region(Field field, int start, int end, boolean background) {
    }

    private final Dictionary<ContextCue> cues;

    ClauseContext(Lexicon.Builder lexicon) {
        List<ContextCue> entries = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Dictionary.Row row : Dictionary.rows("background.tsv", 4)) {
            entries.add(new ContextCue(row.cell(0).equals("bg"), row.cell(1).equals("clause")));
            rules.add(Rule.of(row.cell(2), row.cell(3), row.where()));
        }
        cues = new Dictionary<>(entries, new Rulebook(lexicon, rules));
    }

    List<Region> mark(Document document, LocalDate published, List<Mention> mentions) {
        List<Region> regions = new ArrayList<>();
        cues.rules().matches(document, false, (rule, sentence, start, end) -> {
            ContextCue cue = cues.entries().get(rule);
            regions.add(region(document.field(sentence.field()), sentence, mentions, start, end, cue.wholeClause(),
                    cue.background()));
        });
        if (published != null) {
            for (Field field : Field.values()) {
                String s = document.field(field);
                for (int at = nextYear(s, 0); at >= 0; at = nextYear(s, at + 4)) {
                    int year = Integer.parseInt(s, at, at + 4, 10);
                    boolean past = year < published.getYear()
                            && !(year == published.getYear() - 1 && published.getMonthValue() <= 2);
                    Sentence sentence = document.sentenceAt(field, at);
                    if (!past || sentence == null) {
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
                        regions.add(region(s, sentence, mentions, cueStart, at + 4, true, true));
                    }
                }
            }
        }
        return regions;
    }

    /** The offset of the next four-digit year 1900–2099 standing alone, or -1. */
    private static int nextYear(String s, int from) {
        for (int i = Math.max(from, 0); i + 4 <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '1' || c == '2') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && (c == '1' ? s.charAt(i + 1) == '9' : s.charAt(i + 1) == '0')
                    && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3))
                    && (i + 4 == s.length() || !isDigit(s.charAt(i + 4)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean inside(List<Region> regions, Field field, int offset, boolean background) {
        for (Region region : regions) {
            if (region.background() == background && region.field() == field
                    && offset >= region.start() && offset < region.end()) {
                return true;
            }
        }
        return false;
    }

    private static Region region(String s, Sentence sentence, List<Mention> mentions, int cueStart, int cueEnd,
                                 boolean wholeClause, boolean background) {
        int start = cueStart;
        if (wholeClause) {
            while (start > sentence.start() && BOUNDARIES.indexOf(s.charAt(start - 1)) < 0) {
                start--;
            }
        }
        int end = cueEnd;
        boolean introduction = wholeClause && cueStart - sentence.start() <= INTRODUCTION;
        while (end < sentence.end()) {
            char c = s.charAt(end);
            if (c == ';' || c == '；') {
                break;
            }
            if (!introduction && BOUNDARIES.indexOf(c) >= 0 && !continuesList(s, end + 1, sentence.field(), mentions)) {
                break;
            }
            end++;
        }
        return new Region(sentence.field(), start, end, background);
    }

    /** Whether the text after a comma goes on with the list of elements before it. */
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
        for (Mention mention : mentions) {
            if (mention.field() == field && mention.start() == i) {
                return true;
            }
        }
        return false;
    }
}
