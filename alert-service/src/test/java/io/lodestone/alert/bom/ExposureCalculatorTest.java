package io.lodestone.alert.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kilograms per year: volume × grams per unit × share, summed over parts, bound by bound. */
class ExposureCalculatorTest {

    private final ExposureCalculator calculator = new ExposureCalculator(CompositionTable.bundled());

    @ParameterizedTest(name = "{1} units × {2} g of {0} → Dy {3} ({4}–{5}) kg/yr")
    @CsvSource({
            // grade,     volume, magnet g, Dy typical, Dy min, Dy max  (kg/yr)
            "N42SH,       120000, 1450,     6960,       5220,   8700",
            "N38UH,       1000,   1000,     55,         45,     65",
            "N42,         1000,   1000,     0,          0,      5",
            "N48SH-GBD,   100000, 1000,     300,        0,      1000",
    })
    void dysprosiumOfOneMagnetPart(String grade, long volume, double grams, double typical, double min, double max) {
        Exposure exposure = calculator.exposure(List.of(magnetPart("P1", volume, "NdFeB", grade, grams)));

        Range dy = exposure.of("Dy").map(Exposure.ElementExposure::kgPerYear).orElse(Range.ZERO);
        assertThat(dy.typical()).isCloseTo(typical, within(1e-6));
        assertThat(dy.min()).isCloseTo(min, within(1e-6));
        assertThat(dy.max()).isCloseTo(max, within(1e-6));
    }

    @Test
    void sumsAnElementOverPartsAndNamesEachPartLargestFirst() {
        Exposure exposure = calculator.exposure(List.of(
                magnetPart("TM-ROTOR", 120_000, "NdFeB", "N42SH", 1450),
                magnetPart("SERVO-MAG", 50_000, "NdFeB", "N38UH", 300),
                new Part(4, "SERVO-ENC", "encoder", 50_000, null, Map.of("Dy", 0.5, "Co", 2.0))));

        Exposure.ElementExposure dy = exposure.of("Dy").orElseThrow();
        // 120000 × 1450 g × 4.0 % = 6960 kg; 50000 × 300 g × 5.5 % = 825 kg; 50000 × 0.5 g = 25 kg
        assertThat(dy.kgPerYear().typical()).isCloseTo(6960 + 825 + 25, within(1e-6));
        assertThat(dy.kgPerYear().min()).isCloseTo(5220 + 675 + 25, within(1e-6));
        assertThat(dy.kgPerYear().max()).isCloseTo(8700 + 975 + 25, within(1e-6));
        assertThat(dy.parts()).extracting(Exposure.PartExposure::partNumber)
                .containsExactly("TM-ROTOR", "SERVO-MAG", "SERVO-ENC");
        assertThat(exposure.elements().get(0).element()).isEqualTo("Fe");
    }

    @Test
    void statedElementContentIsExactAndElementsAbsentFromEveryPartAreLeftOut() {
        Exposure exposure = calculator.exposure(List.of(new Part(2, "CAP", null, 2_000, null, Map.of("Ta", 0.8))));

        assertThat(exposure.elements()).extracting(Exposure.ElementExposure::element).containsExactly("Ta");
        assertThat(exposure.of("Ta").orElseThrow().kgPerYear()).isEqualTo(Range.exactly(1.6));
        assertThat(exposure.of("Dy")).isEmpty();
    }

    @Test
    void samariumCobaltPartsExposeSamariumAndCobalt() {
        Exposure exposure = calculator.exposure(List.of(magnetPart("ENC", 10_000, "SmCo", "2:17", 20)));

        // 10000 × 20 g = 200 kg of magnet: Sm 25 % (23–27), Co 50 % (48–53)
        assertThat(exposure.of("Sm").orElseThrow().kgPerYear()).satisfies(sm -> {
            assertThat(sm.typical()).isCloseTo(50, within(1e-9));
            assertThat(sm.min()).isCloseTo(46, within(1e-9));
            assertThat(sm.max()).isCloseTo(54, within(1e-9));
        });
        assertThat(exposure.of("Co").orElseThrow().kgPerYear().typical()).isCloseTo(100, within(1e-9));
    }

    @ParameterizedTest(name = "floor {0} kg/yr → {1}")
    @CsvSource(delimiter = '|', value = {
            // 1000 units × 100 g N42SH: Nd 21.06, Pr 5.94, Dy 4.0, Co 1.0, Tb 0 typical (0.5 max); Ta 1.6 stated
            "     | Nd Pr Dy Ta Co",
            "0    | Nd Pr Dy Ta Co Tb",
            "1    | Nd Pr Dy Ta Co",
            "4    | Nd Pr Dy",
            "4.01 | Nd Pr",
            "25   | ''",
    })
    void aFloorKeepsTheTrackedElementsOfAtLeastThatManyKilogramsPerYear(Double floor, String expected) {
        Exposure exposure = calculator.exposure(List.of(magnetPart("M", 1000, "NdFeB", "N42SH", 100),
                new Part(3, "CAP", null, 2000, null, Map.of("Ta", 0.8))));

        List<String> watched = exposure.elementsAtLeast(floor, io.lodestone.events.Elements::isTracked);

        assertThat(watched).containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.split(" ")));
    }

    static Part magnetPart(String number, long volume, String type, String grade, double grams) {
        MagnetGrade parsed = MagnetGrade.parse(MagnetType.parse(type).orElseThrow(), grade).value().orElseThrow();
        return new Part(2, number, number + " magnet", volume, new Part.Magnet(parsed, grams), null);
    }
}
