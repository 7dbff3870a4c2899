package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementsTest {

    @Test
    void catalogueHasTheSeventeenRareEarths() {
        assertThat(Elements.membersOf(ElementGroup.REE)).containsExactly(
                "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Y", "Sc");
    }

    @Test
    void lightAndHeavyGroupsSplitTheRareEarthsExceptScandium() {
        assertThat(Elements.membersOf(ElementGroup.LREE)).containsExactly("La", "Ce", "Pr", "Nd", "Pm", "Sm");
        assertThat(Elements.membersOf(ElementGroup.HREE))
                .containsExactly("Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Y");
    }

    @Test
    void productGroupsNameWhatMagnetsAreMadeOf() {
        assertThat(Elements.membersOf(ElementGroup.NDFEB_MAGNET)).containsExactly("Pr", "Nd", "Tb", "Dy");
        assertThat(Elements.membersOf(ElementGroup.SMCO_MAGNET)).containsExactly("Sm", "Co");
    }

    @ParameterizedTest
    @CsvSource({"Dy, dysprosium, 镝, 鏑", "Nd, neodymium, 钕, 釹", "Ga, gallium, 镓, 鎵", "C, graphite, 石墨, 石墨", "Sn, tin, 锡, 錫"})
    void elementsCarryEnglishAndChineseNames(String symbol, String name, String simplified, String traditional) {
        Element element = Elements.bySymbol(symbol).orElseThrow();

        assertThat(element.name()).isEqualTo(name);
        assertThat(element.nameZhHans()).isEqualTo(simplified);
        assertThat(element.nameZhHant()).isEqualTo(traditional);
    }

    @Test
    void everyElementHasNamesAndAtLeastOneUse() {
        assertThat(Elements.all()).hasSize(34).allSatisfy(element -> {
            assertThat(element.nameZhHans()).isNotBlank();
            assertThat(element.nameZhHant()).isNotBlank();
            assertThat(element.uses()).isNotEmpty();
        });
    }

    @Test
    void symbolsAreCaseSensitive() {
        assertThat(Elements.isTracked("Dy")).isTrue();
        assertThat(Elements.isTracked("DY")).isFalse();
        assertThat(Elements.bySymbol("Xx")).isEmpty();
    }
}
