package io.lodestone.ingest.extract.classification;

import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Rulebook;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a cue matched: at most once per cue and sentence, so a word repeated in one sentence
 * does not count twice.
 *
 * @param anchor where the cue's clause is judged (negated, background, cause): its keyword, which
 *               is its start unless the rule reports its match from a word before the keyword
 *               ({@link io.lodestone.ingest.extract.dictionary.Rule#FROM})
 */
public record Hit(Cue cue, Sentence sentence, int start, int end, int anchor) {

    public Hit(Cue cue, Sentence sentence, int start, int end) {
        this(cue, sentence, start, end, start);
    }

    public Field field() {
        return sentence.field();
    }

    public static List<Hit> scan(Document document, Dictionary<Cue> cues) {
        List<Hit> hits = new ArrayList<>();
        cues.rules().matches(document, true, new Rulebook.Sink() {
            @Override
            public void match(int rule, Sentence sentence, int start, int end) {
                match(rule, sentence, start, end, start);
            }

            @Override
            public void match(int rule, Sentence sentence, int start, int end, int keyword) {
                hits.add(new Hit(cues.entries().get(rule), sentence, start, end, keyword));
            }
        });
        hits.sort(Comparator.comparingInt((Hit h) -> h.sentence().rank()));
        return hits;
    }

    /**
     * Keeps, of hits that overlap, only the heaviest (the longest among equals): "suspends export
     * controls" is not also a control, and "put on its export control list" counts once.
     */
    public static List<Hit> heaviestOfOverlaps(List<Hit> hits) {
        List<Hit> byWeight = new ArrayList<>(hits);
        byWeight.sort(Comparator.comparingDouble((Hit h) -> h.cue().weight())
                .thenComparingInt(h -> h.end() - h.start()).reversed());
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : byWeight) {
            boolean overlapped = false;
            if (!hit.cue().modifier()) {
                for (Hit k : kept) {
                    if (!k.cue().modifier() && k.field() == hit.field() && k.start() < hit.end() && hit.start() < k.end()) {
                        overlapped = true;
                        break;
                    }
                }
            }
            if (!overlapped) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt((Hit h) -> h.sentence().rank()).thenComparingInt(Hit::start));
        return kept;
    }
}
