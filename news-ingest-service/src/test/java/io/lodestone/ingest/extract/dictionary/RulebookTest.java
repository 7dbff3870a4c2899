package io.lodestone.ingest.extract.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.extract.sentences.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookTest {

    @Test
    void confirmsAPatternOnlyFromItsKeywordAndWithinTheSentence() {
        // Given a rule whose keyword starts its pattern, and one whose pattern looks behind its keyword
        List<Rule> rules = List.of(
                Rule.of("restrict|curb", "\\b(restrict\\w*|curb\\w*) ([\\w,-]+ ){0,6}exports?\\b", "test"),
                Rule.of("cobalt", "(?<=samarium[- ])cobalt", "test"));

        // When the rules are matched in a text
        List<String> found = matches(rules, "China will restrict gallium, germanium and antimony exports. "
                + "Curbs were discussed. Exports rose. Samarium-cobalt magnets and cobalt.");

        // Then the export restriction spans the list, "Curbs" does not reach into the next sentence's
        // "Exports", and only the cobalt of samarium-cobalt is found
        assertThat(found).containsExactly("0:restrict gallium, germanium and antimony exports", "1:cobalt");
    }

    @Test
    void refusesAPatternThatRepeatsAGroupWithoutBoundWhenTheDictionaryLoads() {
        // Java's regex engine recurses once per repetition of a group: "lift the the the … controls"
        // with a few thousand "the" overflowed the stack of the thread reading a pushed item.
        for (String unbounded : List.of("\\blift ((the|its) )*controls", "(\\w+ )+bans?", "(, \\w+){2,} and",
                "\\b(?:ban|curb)(?:s|ed)* \\w+")) {
            assertThatThrownBy(() -> Rule.of("lift|ban|curb", unbounded, "triggers.tsv:7"))
                    .as(unbounded)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("triggers.tsv:7: the group ending at character")
                    .hasMessageContaining("{0,N}");
        }
        // Repeating a character or a class is iterative; so is any bounded repetition; an escaped
        // parenthesis or one inside a class closes no group.
        for (String bounded : List.of("\\blift ((the|its) ){0,6}controls", "\\w+ \\s*bans?", "(, \\w+){2,8} and",
                "\\(ban\\)+", "[()]+ban", "(?:ban|curb)s? \\w+")) {
            assertThat(Rule.of("lift|ban|curb", bounded, "test").pattern()).as(bounded).isNotNull();
        }
    }

    @Test
    void matchesTextCopiedWithNoBreakSpacesAndHyphensLikePlainText() {
        // Given a rule written with plain spaces and hyphens, and text from a web page that has
        // no-break spaces (U+00A0, U+202F) and a no-break hyphen (U+2011)
        List<Rule> rules = List.of(
                Rule.of("halt", "\\bhalt\\w* ([\\w-]+ ){0,3}exports\\b", "test"),
                Rule.of("rare", "\\brare-earth-free\\b", "test"));
        String copied = "China\u00A0halts\u202Fantimony\u00A0exports. A rare\u2011earth\u2011free motor \u2013 at last.";

        // When the rules are matched
        List<String> found = matches(rules, copied);

        // Then both match, at the offsets of the text as it came (one character for one), and the
        // en dash that separates a clause is kept
        assertThat(found).containsExactly("0:halts antimony exports", "1:rare-earth-free");
        Document document = new Document("", copied, null);
        assertThat(document.text).hasSameSizeAs(copied).contains("\u2013");
        assertThat(new Document("", "出口配额为\uFF12\uFF10万吨（\uFF25\uFF36）", null).text).isEqualTo("出口配额为20万吨（EV）");
    }

    @Test
    void reportsOneMatchPerRuleAndSentenceWhenAsked() {
        Lexicon.Builder builder = new Lexicon.Builder();
        Rulebook rules = new Rulebook(builder, List.of(Rule.of("ban", "\\bbans?\\b", "test")));
        Lexicon lexicon = builder.build();
        Document document = new Document("", "A ban and another ban. One more ban.", lexicon::scan);

        List<Integer> sentences = new ArrayList<>();
        rules.matches(document, true, (rule, sentence, start, end) -> sentences.add(sentence.rank()));

        assertThat(sentences).containsExactly(1, 2);
    }

    /** Each match of the rules in {@code text}, as "rule index:matched text". */
    private static List<String> matches(List<Rule> rules, String text) {
        Lexicon.Builder builder = new Lexicon.Builder();
        Rulebook rulebook = new Rulebook(builder, rules);
        Lexicon lexicon = builder.build();
        Document document = new Document("", text, lexicon::scan);
        List<String> found = new ArrayList<>();
        rulebook.matches(document, false, (rule, sentence, start, end) -> found.add(rule + ":" + document.text.substring(start, end)));
        return found;
    }
}
