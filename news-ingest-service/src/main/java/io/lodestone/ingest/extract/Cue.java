package io.lodestone.ingest.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One weighted pattern of a dictionary file: a trigger for an event type, a supply-context word
 * or a noise word.
 *
 * @param label  what the cue votes for (an event type, optionally with a direction, or a cue class)
 * @param weight how strongly it votes
 * @param pattern the compiled pattern, case-insensitive
 * @param modifier whether the cue only refines the direction of its type (weight written {@code +w})
 */
record Cue(String label, double weight, Pattern pattern, boolean modifier, Gate gate) {

    Cue(String label, double weight, Pattern pattern, boolean modifier) {
        this(label, weight, pattern, modifier, Gate.of(pattern));
    }

    /** Cues from a file whose lines are {@code label <TAB> weight <TAB> regex}. */
    static List<Cue> labelled(String file) {
        return Dictionary.rows(file, 3).stream()
                .map(row -> new Cue(row[0].trim(), Double.parseDouble(row[1].trim()), compile(row[2]),
                        row[1].trim().startsWith("+")))
                .toList();
    }

    /** Cues from a file whose lines are {@code weight <TAB> regex}, all with the same label. */
    static List<Cue> weighted(String file, String label) {
        return Dictionary.rows(file, 2).stream()
                .map(row -> new Cue(label, Double.parseDouble(row[0].trim()), compile(row[1]), false))
                .toList();
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex.strip(), Pattern.CASE_INSENSITIVE);
    }
}
