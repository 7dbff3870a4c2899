package io.lodestone.ingest.dedupe;

import io.lodestone.events.SupplyEventDetected;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One story as the story stage remembers it: the event its first report published, who has told
 * it, and what later reports are compared with. Immutable; the stage replaces it on every change.
 *
 * @param id          the story's event id (its first report's)
 * @param sequence    creation order; when several stories match, the oldest absorbs the others
 * @param firstItemId the id of the item that started it
 * @param event       the event published for it, with corroborations 1
 * @param outlets     the distinct outlets that told it, sorted; their number is the corroborations
 * @param identities  canonical URLs and source ids of its items, for exact duplicates (outlets and
 *                    identities longer than {@value StoredNames#MAX_BYTES} bytes as digests, {@link StoredNames})
 * @param terms       summed term counts of its items, the {@value StoryText#MAX_TERMS} most frequent
 * @param figures     union of its items' figures
 * @param elements    union of its items' scopes: their specific elements and the members of the
 *                    groups they name
 * @param earliest    publication time of its earliest dated report, or null if none was dated
 * @param latest      publication time of its latest dated report, or null if none was dated
 * @param anchor      when it was last active on the story clock: {@code latest}, or for an undated
 *                    story the clock when it was last joined; stories are forgotten by it
 * @param forgotten   whether this is only the trace of a forgotten story: its event and its latest
 *                    identities and first outlets, kept so that the same item pushed again is still
 *                    a duplicate; it holds no terms, figures or elements and no report joins it
 * @param origin      whose share of the stage's memory it takes: its first report's origin
 *                    ({@link StoryCandidate#origin()}); null in stories stored before it was kept (the
 *                    event's source then stands for it)
 */
public record Story(String id, long sequence, String firstItemId, SupplyEventDetected event, List<String> outlets,
                    List<String> identities, Map<String, Integer> terms, List<String> figures,
                    List<String> elements, Instant earliest, Instant latest, Instant anchor, boolean forgotten,
                    String origin) {

    /** A story a report starts or joins (not a trace), held for its event's source. */
    public Story(String id, long sequence, String firstItemId, SupplyEventDetected event, List<String> outlets,
                 List<String> identities, Map<String, Integer> terms, List<String> figures, List<String> elements,
                 Instant earliest, Instant latest, Instant anchor) {
        this(id, sequence, firstItemId, event, outlets, identities, terms, figures, elements, earliest, latest, anchor,
                false, null);
    }

    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(anchor, "anchor");
        outlets = StoredNames.bounded(outlets);
        identities = StoredNames.bounded(identities);
        terms = TermCounts.of(terms);
        figures = List.copyOf(figures);
        elements = List.copyOf(elements);
    }

    /** The story's event as it is published now: its first event with the outlets counted. */
    public SupplyEventDetected published() {
        return event.withCorroborations(Math.max(1, outlets.size()));
    }

    /**
     * What is kept of it once forgotten: what tells a repeated item (its latest {@code kept}
     * identities and at most as many outlets), nothing a report is compared with.
     */
    Story trace(int kept) {
        List<String> latestIds = identities.subList(Math.max(0, identities.size() - kept), identities.size());
        return new Story(id, sequence, firstItemId, event, outlets.subList(0, Math.min(kept, outlets.size())), latestIds,
                Map.of(), List.of(), List.of(), earliest, latest, anchor, true, origin);
    }

    /** Whose share of the stage's memory it takes: its origin, or its event's source. */
    String memoryOwner() {
        return Objects.requireNonNullElse(origin != null ? origin : event.sourceId(), "");
    }

    /** Its terms as they are kept. */
    TermCounts termCounts() {
        return (TermCounts) terms;
    }

    boolean dated() {
        return latest != null;
    }
}
