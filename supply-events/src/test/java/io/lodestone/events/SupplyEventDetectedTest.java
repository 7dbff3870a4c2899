package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * No producer can put an event dated before 1900 or more than a day ahead on the topic, and no
 * consumer reads one as valid: the record refuses it whether it is built or deserialised.
 */
class SupplyEventDetectedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"publishedAt", "detectedAt"})
    void eventDatedInYear2999CannotBeBuilt(String field) {
        assertThatThrownBy(() -> read(field, "2999-01-01T00:00:00Z"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field + " must be between 1900-01-01T00:00:00Z and one day ahead");
    }

    @ParameterizedTest(name = "publishedAt {0}")
    @ValueSource(strings = {"+300000000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "-000001-01-01T00:00:00Z"})
    void eventOutsideTheBoundsIsRefusedOnRead(String publishedAt) {
        assertThatThrownBy(() -> read("publishedAt", publishedAt))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("publishedAt must be between");
    }

    @ParameterizedTest(name = "{0} hours ahead")
    @ValueSource(ints = {-24 * 365 * 100, 0, 23})
    void eventUpToADayAheadIsValid(int hoursAhead) {
        Instant publishedAt = Instant.now().plus(Duration.ofHours(hoursAhead)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(read("publishedAt", publishedAt.toString()).publishedAt()).isEqualTo(publishedAt);
    }

    @Test
    void firstMomentOf1900IsValid() {
        assertThat(read("publishedAt", "1900-01-01T00:00:00Z").publishedAt()).isEqualTo(SupplyEventDetected.EARLIEST_TIME);
    }

    /**
     * A valid event with a megabyte link would be carried by scoring into its state store and its
     * output, past the broker's 1 MB limit, and stop the topology at every restart: it must fail to
     * read instead, where readers send it to their dead-letter topic.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"url", "title", "eventId", "sourceId", "language"})
    void eventWithAnOversizedFieldIsRefusedOnRead(String field) {
        assertThatThrownBy(() -> read(field, "x".repeat(1_000_000)))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field + " must be at most");
    }

    /**
     * Each control character is six bytes of JSON escape in a state store: fifty events with a
     * 4,096-character url of them made one element's stored state larger than the broker takes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"url", "eventId", "sourceId", "language"})
    void eventWithAControlCharacterInAnIdOrLinkIsRefusedOnRead(String field) {
        assertThatThrownBy(() -> read(field, "https://x.example/\u0001\u0001"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field + " must not contain control characters");
        assertThatThrownBy(() -> read(field, "line\u2028break"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field + " must not contain control characters");
    }

    @Test
    void eventWithAThousandCompaniesIsRefusedOnRead() {
        ObjectNode payload = (ObjectNode) JSON.valueToTree(Samples.heavyRareEarthControls());
        var companies = payload.putArray("companies");
        for (int i = 0; i < 1_000; i++) {
            companies.add("Company " + i + " Ltd");
        }

        assertThatThrownBy(() -> JSON.treeToValue(payload, SupplyEventDetected.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("companies must have at most 256 entries");
    }

    @Test
    void contributorWithAMegabyteLinkIsRefusedOnRead() {
        ObjectNode change = (ObjectNode) JSON.valueToTree(Samples.dysprosiumRaisedToHigh());
        ((ObjectNode) change.withArray("contributors").get(0)).put("url", "https://x.example/" + "a".repeat(1_000_000));

        assertThatThrownBy(() -> JSON.treeToValue(change, ElementRiskChanged.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("contributor url must be at most");
    }

    /**
     * The alert service keeps an element's latest risk by {@code asOf}: a change dated in 2999
     * would outrank every real change after it and silence the element's alerts for good.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2999-01-01T00:00:00Z", "1899-12-31T23:59:59Z"})
    void riskChangeDatedOutsideTheBoundsIsRefusedOnRead(String asOf) {
        ObjectNode change = (ObjectNode) JSON.valueToTree(Samples.dysprosiumRaisedToHigh());
        change.put("asOf", asOf);

        assertThatThrownBy(() -> JSON.treeToValue(change, ElementRiskChanged.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("asOf must be between 1900-01-01T00:00:00Z and one day ahead");
    }

    @Test
    void riskChangeOfTodayIsValid() {
        ObjectNode change = (ObjectNode) JSON.valueToTree(Samples.dysprosiumRaisedToHigh());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        change.put("asOf", now.toString());

        assertThat(JSON.treeToValue(change, ElementRiskChanged.class).asOf()).isEqualTo(now);
    }

    private static SupplyEventDetected read(String field, String value) {
        ObjectNode payload = (ObjectNode) JSON.valueToTree(Samples.heavyRareEarthControls());
        payload.put(field, value);
        return JSON.treeToValue(payload, SupplyEventDetected.class);
    }
}
