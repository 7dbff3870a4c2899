package io.lodestone.ingest.extract.classification;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price moves too small to be news, told as amounts rather than percentages: a daily bulletin's
 * "均价报645000元/吨,单日涨2500元" or "rose 2,500 yuan to 770,000 yuan a tonne" moves the price by
 * under {@value #SMALL_PERCENT}%, which the labelling guide reads as a neutral move, as it reads
 * "edged up 0.2%". The triggers cannot see this: it takes the ratio of two amounts. Each move is a
 * direction modifier of a price move, weighed as the triggers' "up 0.3%" is.
 */
final class SmallPriceMoves {

    static final double SMALL_PERCENT = 1.0;
    /** The title and the lead (sentence ranks 0 and 1) state the news. */
    static final int NEWS = 1;
    static final Cue NEUTRAL_MOVE = new Cue(EventType.PRICE_MOVE, Direction.NEUTRAL, 8, true);
    private static final Cue RISE = new Cue(EventType.PRICE_MOVE, Direction.TIGHTENING, 8, true);
    private static final Cue FALL = new Cue(EventType.PRICE_MOVE, Direction.EASING, 8, true);
    /** The words of a fall among those a move may be told with. */
    private static final Pattern DOWN = Pattern.compile("(?i)下跌|下滑|回落|下调|下調|跌|降|\\b(fell|lost|shed|dropped"
            + "|slipped|dipped|declined|decreased|down)\\b");

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,15})(?:\\.(\\d{1,6}))?";
    private static final String MOVE_ZH = "(?:上涨|上漲|下跌|下滑|回落|上扬|上揚|上调|上調|下调|下調|涨|漲|跌|降|升)(?:了|幅达|幅達|达|達)?";
    private static final String UNIT_ZH = "\\s*(万|萬)?\\s*(?:美?元)";
    private static final String PER_ZH = "\\s*/\\s*(?:吨|噸|千克|公斤|磅)";
    /** The move after the price: 均价报645000元/吨,单日涨2500元. */
    private static final Pattern LEVEL_THEN_MOVE_ZH = Pattern.compile(NUMBER + UNIT_ZH + PER_ZH
            + "[^。;；!?！？价價]{0,24}?" + MOVE_ZH + "\\s*" + NUMBER + UNIT_ZH);
    /** The move before the price: 上涨400元/千克至15300元/千克. */
    private static final Pattern MOVE_THEN_LEVEL_ZH = Pattern.compile(MOVE_ZH + "\\s*" + NUMBER + UNIT_ZH
            + "(?:" + PER_ZH + ")?\\s*(?:至|到|报|報|为|為)\\s*" + NUMBER + UNIT_ZH);
    private static final String CURRENCY_EN = "(?:US\\$|\\$|¥|RMB ?|CNY ?)?";
    /** "rose 2,500 yuan to 770,000 yuan", "fell $0.50 to $41.50 a pound". */
    private static final Pattern MOVE_THEN_LEVEL_EN = Pattern.compile("(?i)\\b(?:rose|fell|gained|lost|added|shed"
            + "|dropped|climbed|slipped|dipped|declined|increased|decreased|(?:was |were |is |are )?(?:up|down))"
            + " (?:by )?" + CURRENCY_EN + NUMBER + "(?: yuan| dollars| cents)? (?:to|at) " + CURRENCY_EN + NUMBER);

    /**
     * The title and the first two sentences: where a bulletin states how far the price moved
     * ("Key data from the July 1 pricing session. The cobalt price was marginally lower …").
     */
    static final int MAGNITUDE = 2;
    /**
     * Words of a large move: with one of them (or a change of {@value #LARGE_PERCENT}% or more) in
     * the title or the first {@value #MAGNITUDE} sentences, a "slightly" or an "edged higher" there
     * does not make the price move a steady one.
     */
    private static final Pattern LARGE_WORDS = Pattern.compile("(?i)\\b(surg\\w*|soar\\w*|jump\\w*|spik\\w+|skyrocket\\w*"
            + "|rocket\\w*|doubl\\w+|tripl\\w+|halv\\w+|plung\\w+|plummet\\w*|slump\\w*|tumbl\\w+|crash\\w*|collaps\\w+"
            + "|sharp\\w*|steep\\w*|dramatic\\w*|record|highest|lowest|(\\w+-)?(year|month|decade) (high|low)s?)\\b"
            + "|暴涨|暴漲|飙升|飆升|大涨|大漲|狂飙|狂飆|暴跌|大跌|跳水|新高|新低|翻倍|腰斩|腰斬");
    /** From the start of a run of digits, taken whole: tried inside a long run, each start would read to its end. */
    private static final Pattern PERCENT = Pattern.compile(
            "(?i)(?<![\\d.])(\\d++(?:\\.\\d++)?+)\\s?+(?:%|％|percent\\b|per cent\\b)");
    /** Where a clause ends, for {@link #fromExtreme}. */
    private static final String CLAUSE_END = ",，;；";
    /** A past peak or trough a price is measured against. */
    private static final Pattern EXTREME = Pattern.compile("(?i)最高点|最低点|最高點|最低點|\\b(peak|trough|all-time high|record high)\\b");
    /** A move of this many per cent or more is no small one. */
    static final double LARGE_PERCENT = 5.0;

    private SmallPriceMoves() {
    }

    /**
     * Whether the title or the first {@value #MAGNITUDE} sentences tell of a large move: a word of one
     * ("surged", "plunged", "record", 暴涨) or a change of {@value #LARGE_PERCENT}% or more.
     */
    static boolean statesLargeMove(Document document) {
        for (Field field : Field.values()) {
            String s = document.field(field);
            for (Sentence sentence : document.sentences(field)) {
                if (sentence.rank() > MAGNITUDE) {
                    continue;
                }
                if (LARGE_WORDS.matcher(s).region(sentence.start(), sentence.end()).find()) {
                    return true;
                }
                Matcher percent = PERCENT.matcher(s).region(sentence.start(), sentence.end());
                while (percent.find()) {
                    if (Double.parseDouble(percent.group(1)) >= LARGE_PERCENT
                            && !fromExtreme(s, sentence.start(), percent.start())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the percentage at {@code at} measures the price against a past peak or trough of its
     * cycle (a daily index's "较周期内最高点1007点下降了20.16%"): where the price stands, not how far it moved.
     */
    private static boolean fromExtreme(String s, int from, int at) {
        int clause = from;
        for (int i = at - 1; i >= from; i--) {
            if (CLAUSE_END.indexOf(s.charAt(i)) >= 0) {
                clause = i + 1;
                break;
            }
        }
        return EXTREME.matcher(s).region(clause, at).find();
    }

    /**
     * The moves the title and the lead state as amounts. When every one is small, and the first
     * sentences tell of no large move otherwise, a neutral modifier for each (and the classifier
     * then reads the price move as neutral); otherwise a
     * modifier for the direction of each move that is not small ("rose 400 yuan to 15,300 yuan"
     * names no price word, yet is a rise).
     */
    static List<Hit> find(Document document) {
        List<Hit> small = new ArrayList<>();
        List<Hit> moves = new ArrayList<>();
        for (Field field : Field.values()) {
            String s = document.field(field);
            // only the title and the lead are read, however long the item
            int end = 0;
            for (Sentence sentence : document.sentences(field)) {
                if (sentence.rank() <= NEWS) {
                    end = Math.max(end, sentence.end());
                }
            }
            if (end == 0) {
                continue;
            }
            boolean yuan = s.lastIndexOf('元', end - 1) >= 0;
            for (Pattern pattern : yuan ? List.of(LEVEL_THEN_MOVE_ZH, MOVE_THEN_LEVEL_ZH, MOVE_THEN_LEVEL_EN)
                    : List.of(MOVE_THEN_LEVEL_EN)) {
                Matcher m = pattern.matcher(s).region(0, end);
                while (m.find()) {
                    Sentence sentence = document.sentenceAt(field, m.start());
                    if (sentence == null || sentence.rank() > NEWS || m.end() > sentence.end()) {
                        continue;
                    }
                    boolean levelFirst = pattern == LEVEL_THEN_MOVE_ZH;
                    boolean english = pattern == MOVE_THEN_LEVEL_EN;
                    double first = amount(m, 1, english ? -1 : 3);
                    double second = amount(m, english ? 3 : 4, english ? -1 : 6);
                    double level = levelFirst ? first : second;
                    double move = levelFirst ? second : first;
                    if (level <= 0 || move <= 0) {
                        continue;
                    }
                    if (move * 100 < SMALL_PERCENT * level) {
                        small.add(new Hit(NEUTRAL_MOVE, sentence, m.start(), m.end()));
                    } else {
                        boolean down = DOWN.matcher(m.group()).find();
                        moves.add(new Hit(down ? FALL : RISE, sentence, m.start(), m.end()));
                    }
                }
            }
        }
        // a small move of the day beside a large one since January ("up 1,000 yuan on the day, 85.6%
        // above the year's first price") is no steady price
        return !moves.isEmpty() ? moves : small.isEmpty() || statesLargeMove(document) ? List.of() : small;
    }

    /** The amount of the number whose integer part is group {@code at} (its fraction the next), times 10,000 after 万. */
    private static double amount(Matcher m, int at, int tenThousands) {
        String digits = m.group(at).replace(",", "") + (m.group(at + 1) == null ? "" : "." + m.group(at + 1));
        double value;
        try {
            value = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
        return tenThousands > 0 && m.group(tenThousands) != null ? value * 10_000 : value;
    }
}
