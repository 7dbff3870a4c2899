package io.lodestone.alert.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Uploads are checked whole: every bad cell is named by its line and column. */
class BomParserTest {

    private static final String HEADER =
            "part_number,description,annual_volume,magnet_type,magnet_grade,magnet_mass_g,element_content_g\n";

    private final BomParser parser = new BomParser(JsonMapper.builder().build(), CompositionTable.bundled());

    @Test
    void readsMagnetAndElementContentPartsFromCsv() {
        BomParser.Parsed parsed = parser.parse(BomFormat.CSV, HEADER
                + "TM-220-ROT,\"Rotor magnets, set of 48\",120000,NdFeB,N42SH-GBD,1450,\r\n"
                + "SD-40-CAP,Capacitor bank,50000,,,,Ta=0.8;Nb=0.1\n");

        assertThat(parsed.parts()).hasSize(2);
        Part rotor = parsed.parts().get(0);
        assertThat(rotor.description()).isEqualTo("Rotor magnets, set of 48");
        assertThat(rotor.magnet().grade().label()).isEqualTo("N42SH-GBD");
        assertThat(rotor.magnet().massGrams()).isEqualTo(1450);
        assertThat(parsed.parts().get(1).elementsGrams()).isEqualTo(Map.of("Ta", 0.8, "Nb", 0.1));
        assertThat(parsed.parts().get(1).line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "line 2 ''{0}'' → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "P1,,0,NdFeB,N42SH,100,                 | annual_volume     | whole number of units per year",
            "P1,,1000,NdFeB,N99SH,100,              | magnet_grade      | energy product of 99",
            "P1,,1000,Ferrite,C8,100,               | magnet_type       | must be NdFeB or SmCo",
            "P1,,1000,NdFeB,N42SH,-5,               | magnet_mass_g     | more than 0",
            "P1,,1000,NdFeB,N42SH,,                 | magnet_mass_g     | is missing",
            "P1,,1000,NdFeB,N42SH,100,Dy=1          | element_content_g | not both",
            "P1,,1000,,,,Xx=1                       | element_content_g | not an element symbol",
            "P1,,1000,,,,Dy                         | element_content_g | element=grams pairs",
            ",,1000,NdFeB,N42SH,100,                | part_number       | is missing",
            "P1,,1000,,,,                           | magnet_grade      | give a magnet",
    })
    void namesTheLineAndColumnOfABadCell(String row, String column, String message) {
        InvalidBomException e = rejected(BomFormat.CSV, HEADER + row.strip() + "\n");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(column);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void reportsEveryBadRowAtOnceIncludingRepeatedPartNumbers() {
        InvalidBomException e = rejected(BomFormat.CSV, HEADER
                + "P1,,1000,NdFeB,N42SH,100,\n"
                + "P2,,many,NdFeB,N42SH,100,\n"
                + "\n"
                + "P1,,1000,SmCo,1:7,10,\n"
                + "P3,,1000,NdFeB,N38UH,50,\n"
                + "P3,,1000,NdFeB,N38UH,50,\n");

        assertThat(e.errors()).extracting(RowError::line, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "annual_volume"),
                org.assertj.core.groups.Tuple.tuple(5, "magnet_grade"),
                org.assertj.core.groups.Tuple.tuple(7, "part_number"));
    }

    @Test
    void refusesUnknownHeaderColumnsOnLineOne() {
        InvalidBomException e = rejected(BomFormat.CSV, "part_number,annual_volume,colour\nP1,5,red\n");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("colour");
        });
    }

    @Test
    void readsJsonAndPointsAtTheLineWhereABadPartStarts() {
        String json = """
                {"name": "Servo drive",
                 "parts": [
                  {"partNumber": "SD-40-MAG", "annualVolume": 50000, "magnetType": "NdFeB",
                   "magnetGrade": "N38UH", "magnetMassG": 300},
                  {"partNumber": "SD-40-CAP", "annualVolume": "lots", "elementContentG": {"Ta": 0.8}}
                 ]}""";

        InvalidBomException e = rejected(BomFormat.JSON, json);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.column()).isEqualTo("annualVolume");
        });
        BomParser.Parsed good = parser.parse(BomFormat.JSON, json.replace("\"lots\"", "50000"));
        assertThat(good.name()).isEqualTo("Servo drive");
        assertThat(good.parts()).extracting(Part::partNumber).containsExactly("SD-40-MAG", "SD-40-CAP");
    }

    @Test
    void anEmptyFileOrOneWithoutPartsIsRefused() {
        assertThat(rejected(BomFormat.CSV, "").errors()).extracting(RowError::message)
                .anyMatch(m -> m.contains("empty"));
        assertThat(rejected(BomFormat.CSV, HEADER).errors()).extracting(RowError::message)
                .anyMatch(m -> m.contains("no parts"));
        assertThat(rejected(BomFormat.JSON, "{\"name\": \"x\"}").errors()).extracting(RowError::column)
                .contains("parts");
        assertThat(rejected(BomFormat.JSON, "{\"parts\": [").errors()).extracting(RowError::message)
                .anyMatch(m -> m.contains("not valid JSON"));
    }

    private InvalidBomException rejected(BomFormat format, String text) {
        InvalidBomException e = catchThrowableOfType(InvalidBomException.class, () -> parser.parse(format, text));
        assertThat(e).as("rejected").isNotNull();
        return e;
    }

    @Test
    void aFileOfMegabytesOfEmptyLinesIsReadAsEmptyWithoutARecordPerLine() {
        String newlines = "part_number,annual_volume\n" + "\n".repeat(4 * 1024 * 1024);

        assertThat(CsvReader.read(newlines)).hasSize(1);
        assertThat(rejected(BomFormat.CSV, newlines).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("lists no parts"));
    }

    /** Lines of blank cells and comment lines were kept, uncounted, as records: 4 MB of them held 213 MB. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {" \n", ",\n", "#\n", "# note\r\n", " , \n"})
    void aFileOfMegabytesOfBlankCellsOrCommentsKeepsNoRecordForThem(String line) {
        String csv = "part_number,annual_volume\n" + line.repeat(4 * 1024 * 1024 / line.length());

        assertThat(CsvReader.read(csv, record -> record.fields().stream().anyMatch(cell -> !cell.isBlank())
                && !record.fields().get(0).startsWith("#"), BomParser.MAX_PARTS + 1)).hasSize(1);
        assertThat(rejected(BomFormat.CSV, csv).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("lists no parts"));
    }

    @Test
    void tooManyPartsAreRefusedFromTheFirstOneTooManyWithoutReadingTheRest() {
        StringBuilder csv = new StringBuilder("part_number,annual_volume\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append('P').append(i).append(",10,extra\n");
        }
        // a record more than the header and the parts allowed is read, the rest of the text is not
        assertThat(CsvReader.read(csv.toString(), record -> true, BomParser.MAX_PARTS + 1))
                .hasSize(BomParser.MAX_PARTS + 2);

        InvalidBomException e = rejected(BomFormat.CSV, csv.toString());
        assertThat(e.errors()).hasSize(BomParser.MAX_ERRORS);
        assertThat(e.errors().get(0).message()).contains("has 3 cells but the header names 2 columns");
    }

    @Test
    void aRowOfTooManyCellsIsRefusedByItsLine() {
        InvalidBomException e = rejected(BomFormat.CSV, "part_number,annual_volume\nP1,10\nP2," + ",".repeat(1_000_000));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).isEqualTo("line 3 has more than " + CsvReader.MAX_FIELDS + " cells");
        });
    }

    @Test
    void aJsonArrayOfHundredsOfThousandsOfPartsIsRefusedForItsLength() {
        String parts = "{\"partNumber\":\"P\",\"annualVolume\":1},".repeat(200_000);
        InvalidBomException e = rejected(BomFormat.JSON, "{\"name\":\"x\",\"parts\":[" + parts + "{}]}");

        assertThat(e.errors()).anySatisfy(error -> assertThat(error.message())
                .contains("at most " + BomParser.MAX_PARTS + " parts"));
        assertThat(e.errors()).hasSizeLessThanOrEqualTo(BomParser.MAX_ERRORS);
    }

}
