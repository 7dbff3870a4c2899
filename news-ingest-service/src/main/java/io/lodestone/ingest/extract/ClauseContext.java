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
            + "((?:19|20)\\d\\d)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_YEAR_ZH = Pattern.compile("((?:19|20)\\d\\d)年");
    private static final String BOUNDARIES = ",;:，；：()（）—–";
    private static final int INTRODUCTION = 15;

    private record ContextCue(boolean background, boolean wholeClause, Pattern pattern, Gate gate) {
    }

    /** A marked stretch of a field. */
    record Region(String field, int start, int end, boolean background) {
    }

    private final List<ContextCue> cues;

    ClauseContext() {
        cues = Dictionary.rows("background.tsv", 3).stream()
                .map(row -> new ContextCue(row[0].strip().equals("bg"), row[1].strip().equals("clause"),
                        Cue.compile(row[2]), Gate.of(Cue.compile(row[2]))))
                .toList();
    }

    List<Region> mark(Document document, LocalDate published, List<Mention> mentions) {
        List<Region> regions = new ArrayList<>();
        for (ContextCue cue : cues) {
            for (String field : List.of(Document.TITLE, Document.TEXT)) {
                String s = document.field(field);
                List<Sentence> sentences = document.sentences.stream().filter(x -> x.field().equals(field)).toList();
                for (Sentence sentence : cue.gate().candidates(document, field, sentences)) {
                    Matcher m = cue.pattern().matcher(s).region(sentence.start(), sentence.end())
                            .useTransparentBounds(true);
                    while (m.find()) {
                        regions.add(region(s, sentence, mentions, m.start(), m.end(), cue.wholeClause(), cue.background()));
                    }
                }
            }
        }
        for (Sentence sentence : document.sentences) {
            String s = document.field(sentence.field());
            String within = s.substring(sentence.start(), sentence.end());
            if (published != null) {
                for (Pattern pattern : List.of(PAST_YEAR_EN, PAST_YEAR_ZH)) {
                    Matcher m = pattern.matcher(within);
                    while (m.find()) {
                        int year = Integer.parseInt(m.group(1));
                        boolean past = year < published.getYear()
                                && !(year == published.getYear() - 1 && published.getMonthValue() <= 2);
                        if (past) {
                            regions.add(region(s, sentence, mentions, sentence.start() + m.start(),
                                    sentence.start() + m.end(), true, true));
                        }
                    }
                }
            }
        }
        return regions;
    }

    static boolean inside(List<Region> regions, String field, int offset, boolean background) {
        for (Region region : regions) {
            if (region.background() == background && region.field().equals(field)
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
    private static boolean continuesList(String s, int from, String field, List<Mention> mentions) {
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
            if (mention.field().equals(field) && mention.start() == i) {
                return true;
            }
        }
        return false;
    }
}
