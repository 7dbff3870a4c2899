package io.lodestone.ingest.extract.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DictionaryTest {

    @Test
    void aNamedPieceIsWrittenOnceAndStandsInEveryLaterRowThatUsesIt() throws IOException {
        // Given a file that names a piece of pattern and uses it in two rows, one of them twice
        String file = """
                # tariffs
                @trade-tariff\t(?<!\\bpower )tariffs?
                A\t3\ttariff\t\\b{@trade-tariff}\\b
                B\t4\tcut\t\\bcut\\w* ([\\w-]+ ){0,3}{@trade-tariff}\\b|{@trade-tariff} cuts?
                C\t2\tquota\t\\bquotas?\\b
                """;

        // When it is read
        List<Dictionary.Row> rows = Dictionary.rows(new BufferedReader(new StringReader(file)), "extract/t.tsv", 4);

        // Then the definition is no row, each use is replaced, regex braces are left alone, and
        // rows keep the line numbers of the file
        assertThat(rows).extracting(row -> row.cell(3)).containsExactly(
                "\\b(?<!\\bpower )tariffs?\\b",
                "\\bcut\\w* ([\\w-]+ ){0,3}(?<!\\bpower )tariffs?\\b|(?<!\\bpower )tariffs? cuts?",
                "\\bquotas?\\b");
        assertThat(rows).extracting(Dictionary.Row::where).containsExactly("extract/t.tsv:3", "extract/t.tsv:4",
                "extract/t.tsv:5");
        // and the rule built from a row finds what the piece allows and not what it refuses
        Rule rule = Rule.of(rows.get(0).cell(2), rows.get(0).cell(3), rows.get(0).where());
        assertThat(rule.pattern().matcher("new tariffs on magnets").find()).isTrue();
        assertThat(rule.pattern().matcher("higher power tariffs for smelters").find()).isFalse();
    }

    @Test
    void aNameUsedBeforeItsDefinitionOrDefinedTwiceFailsAtLoadingWithTheLine() {
        assertThatThrownBy(() -> read("A\t\\b{@later}\\b\n@later\tx\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("extract/t.tsv:1: {@later} is used before it is defined");
        assertThatThrownBy(() -> read("@x\ta\n@x\tb\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("extract/t.tsv:2: @x is defined twice");
        assertThatThrownBy(() -> read("@Bad Name\ta\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("extract/t.tsv:1: a definition is @name, a tab, and its text");
    }

    private static List<Dictionary.Row> read(String file) throws IOException {
        return Dictionary.rows(new BufferedReader(new StringReader(file)), "extract/t.tsv", 2);
    }
}
