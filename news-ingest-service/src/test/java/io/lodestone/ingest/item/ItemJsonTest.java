package io.lodestone.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ItemJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsACompleteItem() {
        NewsItem item = ItemJson.read(json("""
                {"id":"a1","title":"Antimony <i>controls</i>","text":"Exports need licences.",
                 "url":"https://x.example/a1","publishedAt":"2024-08-15T09:00:00+08:00","language":"en","source":"wire"}"""),
                "", "push", NOW);

        assertThat(item).isEqualTo(new NewsItem("a1", "wire", "Antimony controls", "Exports need licences.",
                "https://x.example/a1", Instant.parse("2024-08-15T01:00:00Z"), "en"));
    }

    @Test
    void fillsDefaultsForOptionalFields() {
        NewsItem item = ItemJson.read(json("{\"title\":\"Tungsten controls\",\"publishedAt\":\"2025-02-04\"}"),
                "", "push", NOW);

        assertThat(item.id()).isNotBlank();
        assertThat(item.sourceId()).isEqualTo("push");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2025-02-04T00:00:00Z"));
    }

    @Test
    void namesEveryBadFieldWithItsPosition() {
        assertThatThrownBy(() -> ItemJson.read(json("{\"title\":5,\"publishedAt\":\"yesterday\",\"url\":\"ftp://x\"}"),
                "[3].", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("[3].title", "[3].publishedAt", "[3].url"));
    }

    @Test
    void itemWithNeitherTitleNorTextIsRefused() {
        assertThatThrownBy(() -> ItemJson.read(json("{\"id\":\"x\"}"), "", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("title"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
