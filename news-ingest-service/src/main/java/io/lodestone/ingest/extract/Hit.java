package io.lodestone.ingest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Where a cue matched: at most once per cue and sentence, so a word repeated in one sentence
 * does not count twice.
 */
record Hit(Cue cue, Sentence sentence, int start, int end) {

    String field() {
        return sentence.field();
    }

    static List<Hit> scan(Document document, List<Cue> cues) {
        List<Hit> hits = new ArrayList<>();
        for (String field : List.of(Document.TITLE, Document.TEXT)) {
            String s = document.field(field);
            List<Sentence> sentences = document.sentences.stream().filter(x -> x.field().equals(field)).toList();
            Matcher matcher = null;
            for (Cue cue : cues) {
                for (Sentence sentence : cue.gate().candidates(document, field, sentences)) {
                    matcher = matcher == null ? cue.pattern().matcher(s) : matcher.usePattern(cue.pattern());
                    matcher.region(sentence.start(), sentence.end());
                    matcher.useTransparentBounds(true);
                    if (matcher.find()) {
                        hits.add(new Hit(cue, sentence, matcher.start(), matcher.end()));
                    }
                }
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> h.sentence().rank()));
        return hits;
    }

    /**
     * Keeps, of hits that overlap, only the heaviest (the longest among equals): "suspends export
     * controls" is not also a control, and "put on its export control list" counts once.
     */
    static List<Hit> heaviestOfOverlaps(List<Hit> hits) {
        List<Hit> byWeight = new ArrayList<>(hits);
        byWeight.sort(Comparator.comparingDouble((Hit h) -> h.cue().weight())
                .thenComparingInt(h -> h.end() - h.start()).reversed());
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : byWeight) {
            boolean overlapped = !hit.cue().modifier() && kept.stream().anyMatch(k -> !k.cue().modifier()
                    && k.field().equals(hit.field())
                    && k.start() < hit.end() && hit.start() < k.end());
            if (!overlapped) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt((Hit h) -> h.sentence().rank()).thenComparingInt(Hit::start));
        return kept;
    }
}
