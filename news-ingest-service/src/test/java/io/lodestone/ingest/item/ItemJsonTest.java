package io.lodestone.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.service.api.InvalidRequestException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;
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

    /**
     * The link travels with the event to every service downstream, and alert-service keeps it in
     * PostgreSQL, which refuses U+0000 in text and JSON: one such link would make every risk change
     * that cites it unstorable there, so it is refused here, where the caller can be told.
     */
    @ParameterizedTest(name = "url with U+{0} is refused")
    @ValueSource(strings = {"0000", "001B", "007F", "2028", "202E", "2066"})
    void urlWithAControlCharacterIsRefusedNamingTheField(String codePoint) {
        String url = "https://x.example/a" + (char) Integer.parseInt(codePoint, 16) + "b";
        ObjectNode item = JSON.createObjectNode().put("title", "Dy ban").put("url", url);

        assertThatThrownBy(() -> ItemJson.read(item, "[2].", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("[2].url").containsValue("must not contain control characters"));
    }

    @ParameterizedTest(name = "publishedAt {0} is refused")
    @ValueSource(strings = {"2999-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z", "2026-01-02T00:00:01Z",
            "1899-12-31T23:59:59Z", "0001-01-01", "-999999999-01-01T00:00:00Z"})
    void datesOutsideTheBoundsAreRefusedNamingTheField(String publishedAt) {
        assertThatThrownBy(() -> ItemJson.read(json("{\"title\":\"Dy ban\",\"publishedAt\":\"" + publishedAt + "\"}"),
                "[1].", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("[1].publishedAt"));
    }

    @ParameterizedTest(name = "publishedAt {0} is accepted")
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2025-12-31"})
    void datesFromNineteenHundredToADayAheadAreAccepted(String publishedAt) {
        NewsItem item = ItemJson.read(json("{\"title\":\"Dy ban\",\"publishedAt\":\"" + publishedAt + "\"}"),
                "", "push", NOW);

        assertThat(item.publishedAt()).isBetween(PublicationDates.EARLIEST, NOW.plus(PublicationDates.MAX_AHEAD));
    }

    static Stream<Arguments> badSources() {
        return Stream.of(
                Arguments.of("CR/LF forging a log line", "push\r\n2026-01-01 INFO item x from reuters: PUBLISHED"),
                Arguments.of("upper case", "Reuters"),
                Arguments.of("space", "my feed"),
                Arguments.of("leading dot", ".hidden"),
                Arguments.of("too long", "a".repeat(65)),
                Arguments.of("a configured source", "notices"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void sourceMustBeWellFormedAndNotAConfiguredOne(String name, String source) {
        ObjectNode item = JSON.createObjectNode().put("title", "Dy ban").put("source", source);

        assertThatThrownBy(() -> ItemJson.read(item, "", "push", NOW, Set.of("notices", "import")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("source"));
    }

    @Test
    void wellFormedOwnSourceIsKept() {
        NewsItem item = ItemJson.read(JSON.createObjectNode().put("title", "Dy ban").put("source", "acme-wire.v2"),
                "", "push", NOW, Set.of("notices"));

        assertThat(item.sourceId()).isEqualTo("acme-wire.v2");
    }

    @Test
    void overlongTextIsRefusedBeforeAnyParsing() {
        ObjectNode item = JSON.createObjectNode().put("title", "Dy ban")
                .put("text", "<p>" + "x".repeat(ItemJson.MAX_RAW_TEXT) + "</p>");

        assertThatThrownBy(() -> ItemJson.read(item, "", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("text").containsValue("must be at most 200000 characters, was 200007"));
    }

    @Test
    void idWithLineBreaksIsRefused() {
        ObjectNode item = JSON.createObjectNode().put("title", "Dy ban").put("id", "a\nINFO forged");

        assertThatThrownBy(() -> ItemJson.read(item, "", "push", NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("id"));
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
