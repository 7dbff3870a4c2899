package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RealSetLabelsTest {

    @Test
    void committableLabelsKeepFactsAndLabelsButNoText() {
        // Given an item of the real set as the collectors write it
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode item = (ObjectNode) json.readTree("""
                {"id":"en-001","url":"https://example.org/a","outlet":"example.org","language":"en",
                 "title":"Someone's headline","text":"Someone's article.","publishedAt":null,
                 "gold":{"relevant":true,"eventType":"EXPORT_RESTRICTION","direction":"TIGHTENING","elements":["Ga"]}}""");

        // When it is made committable
        ObjectNode label = RealSetLabels.withoutText(item);

        // Then the text is gone and the facts and labels stay
        assertThat(label.has("title")).isFalse();
        assertThat(label.has("text")).isFalse();
        assertThat(label.get("url").asString()).isEqualTo("https://example.org/a");
        assertThat(label.get("gold").get("elements").get(0).asString()).isEqualTo("Ga");
    }

    @Test
    void splitIsFixedByClusterSoAWholeClusterFallsInOneSplit() {
        // the same cluster with different URLs lands in the same split; the URL decides only without a cluster
        assertThat(RealSet.split("2025-11-07-mofcom-suspends-october-controls", "https://a.example/1"))
                .isEqualTo(RealSet.split("2025-11-07-mofcom-suspends-october-controls", "https://b.example/2"));
        assertThat(RealSet.split(null, "https://a.example/1")).isEqualTo(RealSet.split("https://a.example/1", "x"));
    }

    @Test
    void heldOutWhenTheFirstDigestByteModuloTenIsBelowFour() {
        // first SHA-256 bytes 221 (221 mod 10 = 1) and 239 (9), computed independently
        assertThat(RealSet.split("2025-04-04-mofcom-controls-medium-heavy-rare-earths", "u"))
                .isEqualTo(RealSet.Split.HELD_OUT);
        assertThat(RealSet.split("2025-11-07-mofcom-suspends-october-controls", "u")).isEqualTo(RealSet.Split.TUNE);
    }
}
