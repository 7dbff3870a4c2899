package io.lodestone.ingest.dedupe;

import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.EventIds;
import io.lodestone.ingest.extract.sentences.Document;
import io.lodestone.ingest.item.NewsItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An item, extracted, on its way to the story stage: everything the stage needs to place it in a
 * story, and nothing of the item's full text. Relevant items, and those found not relevant that
 * may retell a known story ({@link #mayJoinAStory}).
 *
 * @param itemId     the item's id
 * @param outlet     who told it: the configured source, or the URL's host for pushed and imported items
 * @param identities what makes another item the very same item: its canonical URL, its source and id
 * @param dated      false when the item had no publication time of its own (its event's
 *                   {@code publishedAt} is then the extraction time); undated items never move
 *                   the story clock
 * @param event      the extracted event, published as is if the item starts a story
 * @param terms      term counts of title and text ({@link StoryText#terms})
 * @param figures    distinctive figures ({@link StoryText#figures})
 * @param origin     whose share of the stage's memory the item's story takes ({@link StoryLinker}): a
 *                   polled source's id, {@code import}, or {@code push} for every pushed item,
 *                   whatever source it names; null in candidates written before it was kept (the
 *                   event's source then stands for it)
 */
public record StoryCandidate(String itemId, String outlet, List<String> identities, boolean dated,
                             SupplyEventDetected event, Map<String, Integer> terms, List<String> figures,
                             String origin) {

    /** A candidate counted under its event's own source. */
    public StoryCandidate(String itemId, String outlet, List<String> identities, boolean dated,
                          SupplyEventDetected event, Map<String, Integer> terms, List<String> figures) {
        this(itemId, outlet, identities, dated, event, terms, figures, null);
    }

    public StoryCandidate {
        Objects.requireNonNull(event, "event");
        outlet = StoredNames.bounded(outlet);
        identities = identities == null ? List.of() : StoredNames.bounded(identities);
        terms = TermCounts.of(terms);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /**
     * Whether the extractor found the item relevant. A candidate that was not (its event of type
     * NOT_RELEVANT) may only retell a known story ({@link LinkRules#retellingThreshold()}).
     */
    public boolean relevant() {
        return event.eventType() != EventType.NOT_RELEVANT;
    }

    /**
     * Whether an item goes to the story stage: when it is relevant, or when, found not relevant, it
     * still names an element or group, so it may retell a story of them. An item naming none
     * cannot, and the stage is spared it.
     */
    public static boolean mayJoinAStory(SupplyEventDetected event) {
        return event.eventType() != EventType.NOT_RELEVANT || !event.elements().isEmpty() || !event.groups().isEmpty();
    }

    /** The candidate for an item on its way to the story stage, counted under the item's own source. */
    public static StoryCandidate of(NewsItem item, SupplyEventDetected event) {
        return of(item, event, item.sourceId());
    }

    /**
     * The candidate for an item on its way to the story stage ({@link #mayJoinAStory}).
     *
     * @param origin whose share of the stage's memory its story takes (see {@link #origin()})
     */
    public static StoryCandidate of(NewsItem item, SupplyEventDetected event, String origin) {
        List<String> identities = new ArrayList<>();
        String url = EventIds.canonicalUrl(item.url());
        if (url != null) {
            identities.add("url:" + url);
        }
        if (item.id() != null) {
            identities.add("id:" + item.sourceId() + "|" + item.id());
        }
        // read as the extractor reads it, without a mirror's pinyin readings cutting every word
        String title = Document.withoutReadings(item.title());
        String text = Document.withoutReadings(item.text());
        return new StoryCandidate(item.id(), outletOf(item.sourceId(), url), identities, item.publishedAt() != null,
                event, StoryText.terms(title, text), List.copyOf(StoryText.figures(title, text)), origin);
    }

    /** Whose share of the stage's memory the item's story takes: its origin, or its event's source. */
    String memoryOwner() {
        return Objects.requireNonNullElse(origin != null ? origin : event.sourceId(), "");
    }

    private static final int MAX_HOST = 253;

    /** The outlet: the configured source, or for pushed and imported items the URL's host. */
    static String outletOf(String sourceId, String canonicalUrl) {
        String source = sourceId == null ? "" : sourceId;
        boolean generic = source.isEmpty() || source.equals("push") || source.equals("import") || source.equals("extract");
        if (generic && canonicalUrl != null) {
            int hostStart = canonicalUrl.indexOf("://");
            if (hostStart >= 0) {
                int hostEnd = canonicalUrl.indexOf('/', hostStart + 3);
                String host = canonicalUrl.substring(hostStart + 3, hostEnd < 0 ? canonicalUrl.length() : hostEnd);
                // no host name is longer than 253 characters; a longer one is not a name to keep
                return "host:" + host.substring(0, Math.min(host.length(), MAX_HOST));
            }
        }
        return source;
    }
}
