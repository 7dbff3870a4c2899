package io.lodestone.alert.bom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grades are read the way datasheets write them, and anything else is refused with a reason. */
class MagnetGradeTest {

    @ParameterizedTest(name = "{0} {1} → {2}/{3} as {4}")
    @CsvSource({
            "NdFeB,   N42SH,        SH,   NONE, N42SH",
            "ndfeb,   n38uh,        UH,   NONE, N38UH",
            "Nd-Fe-B, N52,          NONE, NONE, N52",
            "NdFeB,   N48SH-GBD,    SH,   TB,   N48SH-GBD",
            "NdFeB,   N45UH-GBD-Dy, UH,   DY,   N45UH-GBD-Dy",
            "NdFeB,   n42eh_gbd_tb, EH,   TB,   N42EH-GBD",
            "SmCo,    SmCo5,        1:5,  NONE, 1:5",
            "SmCo,    2:17,         2:17, NONE, 2:17",
    })
    void readsDatasheetGrades(String type, String text, String cls, String diffusion, String label) {
        MagnetGrade grade = MagnetGrade.parse(MagnetType.parse(type).orElseThrow(), text).value().orElseThrow();

        assertThat(grade.coercivityClass()).isEqualTo(cls);
        assertThat(grade.diffusion()).isEqualTo(diffusion);
        assertThat(grade.label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @CsvSource({
            "NdFeB, N99SH,     energy product of 99",
            "NdFeB, N42XX,     is not an NdFeB grade",
            "NdFeB, N42-GBD,   no high-coercivity class",
            "SmCo,  N42SH,     is not a SmCo grade",
    })
    void refusesWhatIsNotAGrade(String type, String text, String reason) {
        MagnetGrade.Result result = MagnetGrade.parse(MagnetType.parse(type).orElseThrow(), text);

        assertThat(result.grade()).isNull();
        assertThat(result.problem()).contains(reason);
    }
}
