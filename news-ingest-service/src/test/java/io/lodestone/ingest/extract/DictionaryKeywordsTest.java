package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.extract.dictionary.Dictionary;
import io.lodestone.ingest.extract.dictionary.Lexicon;
import io.lodestone.ingest.extract.dictionary.Rule;
import io.lodestone.ingest.extract.sentences.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keywords a dictionary line declares are what make its pattern run at all: a pattern match
 * that starts at no declared keyword would silently never be found. Every match of every pattern,
 * over every sentence of the development set, must start at one of its line's keywords, and where
 * the rule's start check ({@link Rule#mayStartAt}, read from how the pattern opens) lets it begin:
 * a check that refused a real match would lose the cue just as silently.
 */
class DictionaryKeywordsTest {

    @ParameterizedTest(name = "{0}: every pattern match starts at a declared keyword, where the start check allows")
    @CsvSource({
            "triggers.tsv, 4, 2",
            "supply-context.tsv, 3, 1",
            "noise.tsv, 3, 1",
            "background.tsv, 4, 2",
            "groups.tsv, 3, 1",
            "element-exclusions.tsv, 2, 0",
            "explainer-titles.tsv, 2, 0",
            "question-titles.tsv, 2, 0"})
    void everyMatchStartsAtADeclaredKeyword(String file, int columns, int keywordColumn) {
        List<Rule> rules = Dictionary.rows(file, columns).stream()
                .map(row -> Rule.of(row.cell(keywordColumn), row.cell(keywordColumn + 1), row.where())).toList();
        List<String> texts = new ArrayList<>();
        for (String split : List.of("tune", "holdout")) {
            for (DevSet.Labelled labelled : DevSet.load(split)) {
                texts.add(labelled.item().title());
                texts.add(labelled.item().text());
            }
        }

        List<String> missed = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.pattern() == null) {
                continue;
            }
            for (String text : texts) {
                String folded = Document.fold(text);
                Matcher m = rule.pattern().matcher(text);
                while (m.find()) {
                    if (Lexicon.keywordAt(rule, folded, m.start()) == 0) {
                        missed.add(rule.source() + " matched \"" + m.group() + "\"");
                    }
                    if (!rule.mayStartAt(text, m.start())) {
                        missed.add(rule.source() + " matched \"" + m.group() + "\" where its start check " + rule.starts()
                                + " says no match begins");
                    }
                }
            }
        }

        assertThat(missed).isEmpty();
    }
}
