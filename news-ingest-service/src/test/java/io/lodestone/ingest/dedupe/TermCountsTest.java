package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermCountsTest {

    @Test
    void readsLikeTheMapItWasMadeFromInWordOrder() {
        Map<String, Integer> source = new LinkedHashMap<>();
        source.put("smelter", 4);
        source.put("gallium", 1);
        source.put("licence", 300);

        TermCounts counts = TermCounts.of(source);

        assertThat(counts).isEqualTo(source).hasSameHashCodeAs(source);
        assertThat(counts.keySet()).containsExactly("gallium", "licence", "smelter").contains("licence")
                .doesNotContain("antimony").isEqualTo(source.keySet());
        assertThatThrownBy(() -> counts.keySet().remove("gallium")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(counts.get("licence")).isEqualTo(300);
        assertThat(counts.get("antimony")).isNull();
        assertThat(counts.get(42)).isNull();
        assertThat(counts.count("smelter")).isEqualTo(4);
        assertThat(counts.count("antimony")).isZero();
        assertThat(List.of(counts.term(0), counts.term(1), counts.term(2))).containsExactly("gallium", "licence", "smelter");
        assertThat(List.of(counts.count(0), counts.count(1), counts.count(2))).containsExactly(1, 300, 4);
        Map<String, Integer> visited = new HashMap<>();
        counts.forEach(visited::put);
        assertThat(visited).isEqualTo(source);
    }

    @Test
    void isImmutableAndMadeOnce() {
        TermCounts counts = TermCounts.of(Map.of("gallium", 2));

        assertThat(TermCounts.of(counts)).isSameAs(counts);
        assertThat(TermCounts.of(null)).isEmpty();
        assertThatThrownBy(() -> counts.put("germanium", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesATermWithoutACount() {
        Map<String, Integer> source = new HashMap<>();
        source.put("gallium", null);

        assertThatThrownBy(() -> TermCounts.of(source)).isInstanceOf(NullPointerException.class);
    }
}
