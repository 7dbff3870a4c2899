package io.lodestone.ingest.extract.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    void findsEveryKeywordOccurrenceIncludingOverlapsAndSuffixesInOnePass() {
        // Given rules whose keywords overlap and end inside one another (the classic he/she/his/hers case)
        Lexicon.Builder builder = new Lexicon.Builder();
        int first = builder.register(List.of(rule("he|she"), rule("his"), rule("hers"), rule("暂停|停")));
        Lexicon lexicon = builder.build();

        // When a text is scanned
        long[] found = lexicon.scan("ushers 暂停");

        // Then each rule is reported at each start of one of its keywords, sorted by start
        List<String> starts = new ArrayList<>();
        for (long entry : found) {
            starts.add((int) (entry >>> 32) + ":" + ((int) entry - first));
        }
        assertThat(starts).containsExactly("1:0", "2:0", "2:2", "7:3", "8:3");
    }

    @Test
    void reportsARuleOnceAtAStartWhereTwoOfItsKeywordsBegin() {
        Lexicon.Builder builder = new Lexicon.Builder();
        builder.register(List.of(rule("export|export control")));
        Lexicon lexicon = builder.build();

        assertThat(lexicon.scan("new export controls")).hasSize(1);
    }

    private static Rule rule(String keywords) {
        return Rule.of(keywords, "-", "test");
    }
}
