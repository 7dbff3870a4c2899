package io.lodestone.alert.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The bundled composition table turns grades into element shares, heavy rare earths rising with coercivity. */
class CompositionTableTest {

    private static final CompositionTable TABLE = CompositionTable.bundled();

    @ParameterizedTest(name = "{0} {1}: Dy {2} %, Tb {3} %, Nd {4} %")
    @CsvSource({
            // type,  grade,         Dy typical %, Tb typical %, Nd typical %
            "NdFeB, N42,            0.0,          0.0,          24.18",
            "NdFeB, N42M,           1.0,          0.0,          23.4",
            "NdFeB, N42SH,          4.0,          0.0,          21.06",
            "NdFeB, N38UH,          5.5,          0.0,          19.89",
            "NdFeB, N35EH,          7.0,          0.3,          18.49",
            "NdFeB, N33AH,          8.5,          0.5,          17.16",
            "NdFeB, N48SH-GBD,      0.3,          0.5,          23.56",
            "NdFeB, N45UH-GBD-Dy,   2.0,          0.0,          22.62",
            "SmCo,  2:17,           0.0,          0.0,          0.0",
    })
    void givesTheTypicalShareOfEachGrade(String type, String grade, double dy, double tb, double nd) {
        Map<String, Range> shares = shares(type, grade);

        assertThat(typical(shares, "Dy")).isCloseTo(dy / 100, within(1e-9));
        assertThat(typical(shares, "Tb")).isCloseTo(tb / 100, within(1e-9));
        assertThat(typical(shares, "Nd")).isCloseTo(nd / 100, within(1e-9));
    }

    @Test
    void heavyRareEarthRisesWithTheCoercivityClassAndFallsWithGrainBoundaryDiffusion() {
        List<String> classes = List.of("N42", "N42M", "N42H", "N42SH", "N42UH", "N42EH", "N42AH");
        double previous = -1;
        for (String grade : classes) {
            double heavy = heavy(shares("NdFeB", grade));
            assertThat(heavy).as(grade).isGreaterThan(previous);
            previous = heavy;
        }
        for (String cls : List.of("H", "SH", "UH", "EH", "AH")) {
            assertThat(heavy(shares("NdFeB", "N42" + cls + "-GBD"))).as(cls + " Tb-diffused")
                    .isLessThan(heavy(shares("NdFeB", "N42" + cls)));
            assertThat(heavy(shares("NdFeB", "N42" + cls + "-GBD-Dy"))).as(cls + " Dy-diffused")
                    .isLessThan(heavy(shares("NdFeB", "N42" + cls)));
        }
    }

    @Test
    void everyGradeHasAnOrderedRangeAndASourceAndAddsUpToAtMostTheWholeMagnet() {
        assertThat(TABLE.version()).isNotBlank();
        for (CompositionTable.Grade grade : TABLE.grades()) {
            assertThat(grade.sources()).isNotEmpty();
            double total = grade.percentByMass().values().stream().mapToDouble(p -> p.get(1)).sum();
            assertThat(total).as(grade.magnet() + " " + grade.coercivityClass()).isBetween(99.0, 100.0);
        }
        assertThat(TABLE.sources()).allSatisfy(source -> assertThat(source.url()).startsWith("https://"));
    }

    @Test
    void smcoTwoSeventeenHoldsLessSamariumThanOneFiveAndIronCopperZirconium() {
        Map<String, Range> oneFive = shares("SmCo", "1:5");
        Map<String, Range> twoSeventeen = shares("SmCo", "Sm2Co17");

        assertThat(oneFive.keySet()).containsExactlyInAnyOrder("Sm", "Co");
        assertThat(twoSeventeen.keySet()).contains("Sm", "Co", "Fe", "Cu", "Zr");
        assertThat(twoSeventeen.get("Sm").typical()).isLessThan(oneFive.get("Sm").typical());
        assertThat(oneFive.get("Sm")).isEqualTo(new Range(0.33, 0.36, 0.38));
    }

    static Map<String, Range> shares(String type, String grade) {
        MagnetGrade parsed = MagnetGrade.parse(MagnetType.parse(type).orElseThrow(), grade).value().orElseThrow();
        return TABLE.fractions(parsed).orElseThrow();
    }

    private static double typical(Map<String, Range> shares, String element) {
        return shares.getOrDefault(element, Range.ZERO).typical();
    }

    private static double heavy(Map<String, Range> shares) {
        return typical(shares, "Dy") + typical(shares, "Tb");
    }
}
