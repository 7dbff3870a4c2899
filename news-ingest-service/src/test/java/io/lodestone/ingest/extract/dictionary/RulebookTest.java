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
    void reportsAMatchKeyedOnItsRareWordFromWhereItsPatternSaysItBegins() {
        // Given a price cue keyed on the rare verb that looks behind it for the metal, and names
        // where the metal starts
        List<Rule> rules = List.of(Rule.of("soar|jump",
                "(?<=(?<from>\\b(?:tungsten|cobalt)(?: prices?)?)\\s{1,3}(?:has )?)(?:soar\\w*|jump\\w*)", "test"));

        // When it is matched where the metal stands in the sentence, where none stands, and where
        // the metal ends the sentence before
        List<String> found = matches(rules, "Tungsten prices soar. Shares jump. The list ends with cobalt\n\njumped from 3 to 4.");

        // Then the cue spans the metal and the verb, as one keyed on the metal would have, and a
        // look-behind into the previous sentence finds nothing
        assertThat(found).containsExactly("0:Tungsten prices soar");
        assertThat(rules.get(0).reportsFrom()).isTrue();
        assertThat(Rule.of("soar", "(?<=tungsten )soar", "test").reportsFrom()).isFalse();
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
    void compilesPlainGroupsWithoutCaptureAndKeepsWhatTheyMatch() {
        // A rule's match is used whole; its groups only group. Escaped parentheses, parentheses in a
        // class and the (?…) constructs stay as written.
        assertThat(Rule.nonCapturing("\\b(ban(s|ned)?|curb) \\(\\w+\\) [()]+(?<![a-z])(?i:x)"))
                .isEqualTo("\\b(?:ban(?:s|ned)?|curb) \\(\\w+\\) [()]+(?<![a-z])(?i:x)");
        // a back-reference needs its group
        assertThat(Rule.nonCapturing("\\b(\\w+) \\1\\b")).isEqualTo("\\b(\\w+) \\1\\b");
        assertThat(Rule.nonCapturing("(?<w>\\w+) \\k<w>")).isEqualTo("(?<w>\\w+) \\k<w>");

        Rule rule = Rule.of("lift", "\\blift(s|ed)? ((the|its) ){0,2}(export )?(bans?|curbs?)\\b", "test");
        assertThat(rule.pattern().matcher("x").groupCount()).isZero();
        assertThat(matches(List.of(rule), "Jakarta lifted its export ban. It lifts curbs. Lift the bank."))
                .containsExactly("0:lifted its export ban", "0:lifts curbs");
    }

    @Test
    void runsAPatternOnlyWhereOneOfItsAlternativesCanBegin() {
        // A keyword is found inside words ("or" in "for", "er" in "order"); the way each
        // alternative of the pattern opens says where a match can begin at all
        Rule boundary = Rule.of("or", "\\bor\\b[^?]{0,60}\\?\\s*$", "explainer-titles.tsv:40");
        assertThat(boundary.starts()).containsExactly(Rule.Start.WORD_BOUNDARY);
        assertThat(boundary.mayStartAt("Leverage or disruption?", 9)).isTrue();
        assertThat(boundary.mayStartAt("Prices for magnets", 8)).as("inside \"for\"").isFalse();
        assertThat(boundary.mayStartAt("稀土or", 2)).as("a Han character is a word character to \\b").isFalse();
        assertThat(boundary.mayStartAt("e\u0301or", 2)).as("after a combining mark: unsure, so run it").isTrue();

        Rule titleOrWord = Rule.of("what|overview", "^\\s*what is\\b|\\boverview of\\b", "explainer-titles.tsv:10");
        assertThat(titleOrWord.starts()).containsExactlyInAnyOrder(Rule.Start.FIELD_START, Rule.Start.WORD_BOUNDARY);
        assertThat(titleOrWord.mayStartAt("What is gallium", 0)).isTrue();
        assertThat(titleOrWord.mayStartAt("So what is gallium", 3)).as("a word boundary is enough for one alternative").isTrue();
        assertThat(titleOrWord.mayStartAt("Somewhat is", 4)).isFalse();

        Rule ion = Rule.of("nd|er", "(?<![A-Za-z])(Er|Nd)\\s?\\d?\\+", "noise.tsv:14");
        assertThat(ion.mayStartAt("doped with Er3+ ions", 11)).isTrue();
        assertThat(ion.mayStartAt("the order", 6)).isFalse();

        Rule unanchored = Rule.of("配额", "(出口)?(配额|配額)[^，。]{0,8}延长|\\bextend\\w*", "triggers.tsv:359");
        assertThat(unanchored.starts()).contains(Rule.Start.ANYWHERE);
        assertThat(unanchored.mayStartAt("稀土配额", 2)).isTrue();

        // and the matches themselves are unchanged: "or" inside "for" is never tried
        assertThat(matches(List.of(boundary), "Good for the price. Tariffs or quotas?")).containsExactly("0:or quotas?");
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
