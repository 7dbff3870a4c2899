package io.lodestone.ingest.extract.classification;

import io.lodestone.events.Direction;
import io.lodestone.events.EventType;
import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rule;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import java.util.ArrayList;
import java.util.List;

/**
 * One weighted line of a dictionary: an event-type trigger (with the type it votes for, and the
 * direction when it names one), a supply-context word or a noise word. Labels are parsed here, when
 * the dictionary loads, so a hit carries its type and direction as enums.
 *
 * @param type      the event type a trigger votes for; null for supply and noise words
 * @param direction the direction a trigger votes for; null when it names none ({@code :NEUTRAL} on a
 *                  type cue); NEUTRAL on a modifier votes for no move
 * @param weight    how strongly it votes
 * @param modifier  whether it only refines the direction of its type (weight written {@code +w})
 */
public record Cue(EventType type, Direction direction, double weight, boolean modifier) {

    /** Triggers: {@code type[:direction] <TAB> weight <TAB> keywords <TAB> regex}. */
    public static Dictionary<Cue> triggers(String file, Lexicon.Builder lexicon) {
        List<Cue> cues = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Dictionary.Row row : Dictionary.rows(file, 4)) {
            String[] label = row.cell(0).split(":");
            Direction direction = label.length > 1 ? Direction.valueOf(label[1].strip()) : null;
            boolean modifier = row.cell(1).startsWith("+");
            // NEUTRAL on a type cue only says "this is a price story"; on a modifier it votes for no move
            cues.add(new Cue(EventType.valueOf(label[0].strip()), direction == Direction.NEUTRAL && !modifier ? null
                    : direction, Double.parseDouble(row.cell(1)), modifier));
            rules.add(Rule.of(row.cell(2), row.cell(3), row.where()));
        }
        return new Dictionary<>(cues, new Rulebook(lexicon, rules));
    }

    /** Supply or noise words: {@code weight <TAB> keywords <TAB> regex}. */
    public static Dictionary<Cue> weighted(String file, Lexicon.Builder lexicon) {
        List<Cue> cues = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Dictionary.Row row : Dictionary.rows(file, 3)) {
            cues.add(new Cue(null, null, Double.parseDouble(row.cell(0)), false));
            rules.add(Rule.of(row.cell(1), row.cell(2), row.where()));
        }
        return new Dictionary<>(cues, new Rulebook(lexicon, rules));
    }
}
