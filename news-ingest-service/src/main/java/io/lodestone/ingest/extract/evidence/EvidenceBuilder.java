package io.lodestone.ingest.extract.evidence;

import io.lodestone.events.Evidence;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.extract.sentences.Field;
import io.lodestone.ingest.extract.sentences.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the sentences that justify a decision, each once, with everything it supports. A
 * sentence longer than {@value #MAX_QUOTE} characters (a text without stops) is cut to a window
 * around the words that matter; quotes are always exact substrings of their field.
 */
public final class EvidenceBuilder {

    public static final int MAX_QUOTE = 400;

    private record Quote(Field field, int start, int end) {
    }

    private final Document document;
    private final Map<Quote, Set<String>> supports = new LinkedHashMap<>();
    private final Map<Quote, Integer> ranks = new LinkedHashMap<>();

    public EvidenceBuilder(Document document) {
        this.document = document;
    }

    public void add(Field field, int at, String supported) {
        Sentence sentence = document.sentenceAt(field, at);
        if (sentence == null) {
            return;
        }
        int start = sentence.start();
        int end = sentence.end();
        if (end - start > MAX_QUOTE) {
            start = Math.max(start, at - MAX_QUOTE / 2);
            end = Math.min(end, start + MAX_QUOTE);
        }
        Quote quote = new Quote(field, start, end);
        // a second window inside the same sentence joins the first rather than repeating it
        for (Quote existing : supports.keySet()) {
            if (existing.field() == field && existing.start() <= at && at < existing.end()) {
                quote = existing;
                break;
            }
        }
        supports.computeIfAbsent(quote, q -> new LinkedHashSet<>()).add(supported);
        ranks.putIfAbsent(quote, sentence.rank());
    }

    public List<Evidence> build() {
        List<Quote> quotes = new ArrayList<>(supports.keySet());
        quotes.sort(Comparator.comparingInt((Quote q) -> ranks.get(q)).thenComparingInt(Quote::start));
        List<Evidence> evidence = new ArrayList<>();
        for (Quote q : quotes) {
            evidence.add(new Evidence(q.field().wireName(), q.start(), q.end(), document.field(q.field()).substring(q.start(), q.end()),
                    List.copyOf(supports.get(q))));
        }
        return evidence;
    }
}
