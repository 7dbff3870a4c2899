package io.lodestone.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A news or policy item that matters for the supply of one or more elements, as the ingest
 * service understood it. Published on {@code supply.events.v1}, keyed by {@code eventId}. When
 * more outlets report the same story, the event is published again with the same id and a higher
 * {@code corroborations} count.
 *
 * @param schemaVersion  version of this payload's schema; {@value #SCHEMA_VERSION} for v1
 * @param eventId        stable id of the event (the story, not the outlet)
 * @param sourceId       id of the configured source that first reported it ({@code push} for the API)
 * @param url            link to the item, when it has one
 * @param title          the item's title
 * @param publishedAt    when the item was published: the event time every model uses; from
 *                       {@link #EARLIEST_TIME} to {@link #MAX_AHEAD} past the clock at construction
 * @param detectedAt     when the ingest service extracted it, within the same bounds, or null
 * @param language       BCP 47 tag of the item's language ({@code en}, {@code zh-Hans}, {@code zh-Hant})
 * @param eventType      what kind of supply event it is
 * @param direction      whether it tightens or eases supply
 * @param severity       1 (minor) to 5 (regime-changing)
 * @param confidence     how sure the extractor is, 0 to 1
 * @param elements       symbols of the elements the event is about
 * @param groups         groups the item names generically ("heavy rare earths"), without guessing members
 * @param countries      ISO 3166-1 alpha-2 codes of the countries involved
 * @param companies      companies named as involved
 * @param evidence       the sentences that justified the elements, groups and event type
 * @param corroborations how many distinct sources reported the same story (at least 1)
 * <p>Sizes are bounded (ids 256 characters, the url 4,096, the title 4,000, each list 256 entries),
 * and ids, the url and the language hold no control character: a record outside them fails to
 * read and goes to the reader's dead-letter topic.
 */
public record SupplyEventDetected(
        int schemaVersion,
        String eventId,
        String sourceId,
        String url,
        String title,
        Instant publishedAt,
        Instant detectedAt,
        String language,
        EventType eventType,
        Direction direction,
        int severity,
        double confidence,
        List<String> elements,
        List<ElementGroup> groups,
        List<String> countries,
        List<String> companies,
        List<Evidence> evidence,
        int corroborations) {

    public static final int SCHEMA_VERSION = 1;
    /** No event is dated before this: older dates are typos or epoch defaults, not news. */
    public static final Instant EARLIEST_TIME = Instant.parse("1900-01-01T00:00:00Z");
    /** How far past the clock an event may be dated (time zones, embargo stamps); further is an error. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /**
     * Times are checked against the clock when the record is built, by the producer and again by
     * every consumer that reads it. The bound only widens as time passes, so a record that was valid
     * when it was written stays valid whenever it is read or replayed.
     */
    public SupplyEventDetected {
        Objects.requireNonNull(eventId, "eventId");
        Bounds.line("eventId", eventId, Bounds.ID);
        Bounds.line("sourceId", sourceId, Bounds.ID);
        Bounds.line("url", url, Bounds.LINK);
        Bounds.text("title", title, Bounds.TEXT);
        Bounds.line("language", language, Bounds.LANGUAGE);
        Objects.requireNonNull(publishedAt, "publishedAt");
        Bounds.time("publishedAt", publishedAt);
        if (detectedAt != null) {
            Bounds.time("detectedAt", detectedAt);
        }
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(direction, "direction");
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException("severity must be 1..5, was " + severity);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be 0..1, was " + confidence);
        }
        if (corroborations < 1) {
            throw new IllegalArgumentException("corroborations must be at least 1, was " + corroborations);
        }
        elements = copy(Bounds.list("elements", elements, Bounds.NAMES));
        groups = copy(Bounds.list("groups", groups, Bounds.NAMES));
        countries = copy(Bounds.list("countries", countries, Bounds.NAMES));
        companies = copy(Bounds.list("companies", companies, Bounds.NAMES));
        evidence = copy(Bounds.list("evidence", evidence, Bounds.NAMES));
    }

    /** The same event, reported by {@code count} distinct sources in all. */
    public SupplyEventDetected withCorroborations(int count) {
        return new SupplyEventDetected(schemaVersion, eventId, sourceId, url, title, publishedAt, detectedAt,
                language, eventType, direction, severity, confidence, elements, groups, countries, companies,
                evidence, count);
    }

    /** The same event under another id. */
    public SupplyEventDetected withEventId(String id) {
        return new SupplyEventDetected(schemaVersion, id, sourceId, url, title, publishedAt, detectedAt,
                language, eventType, direction, severity, confidence, elements, groups, countries, companies,
                evidence, corroborations);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
