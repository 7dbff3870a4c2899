package io.lodestone.ingest.dedupe;

import io.lodestone.events.EventType;
import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.EventIds;
import io.lodestone.ingest.item.NewsItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event per story, however many outlets tell it. Items are observed in arrival order:
 * <ul>
 * <li><b>Exact duplicate</b>: the same canonical URL ({@link EventIds#canonicalUrl}: tracking
 *     parameters, fragment, {@code www.} and trailing slash ignored) or the same source and id as an
 *     earlier item. Nothing is published.</li>
 * <li><b>Near duplicate</b>: an earlier item published within {@code window} of this one (either
 *     side) tells the same story, in one of two ways —
 *     <ol>
 *     <li>the wording is largely shared: the estimated Jaccard similarity of the two items'
 *         word 3-shingles (title and text; a MinHash of {@value Fingerprint#HASHES} hashes) is at
 *         least {@value #SAME_WORDING}, which catches wire copy, syndication and light edits;</li>
 *     <li>a rewrite of the same facts: both events are relevant with the same type, direction,
 *         elements and groups (not all empty), and at least {@value #SAME_FACTS} of their salient
 *         words (names, numbers, longer words; Han bigrams) are shared.</li>
 *     </ol>
 *     The item joins that item's story. What is published is the story's <em>first</em> event,
 *     unchanged but for {@code corroborations}, the number of distinct sources (source id, or the
 *     URL's host when the source is a bulk import) that have told it; so the story keeps its event
 *     id and is never published as a second event.</li>
 * <li>Otherwise the item starts a new story and its own event is published.</li>
 * </ul>
 * Memory is bounded: stories whose items are older than {@code window} before the newest item seen
 * are forgotten, and at most {@value #MAX_REMEMBERED} identities are kept for exact matching.
 * Thread-safe: {@link #observe} is synchronized.
 */
public final class Deduplicator {

    static final double SAME_WORDING = 0.5;
    static final double SAME_FACTS = 0.3;
    static final int MAX_REMEMBERED = 100_000;

    private static final class Story {
        final String firstItemId;
        final SupplyEventDetected firstEvent;
        final Set<String> sources = new HashSet<>();

        Story(String firstItemId, SupplyEventDetected firstEvent) {
            this.firstItemId = firstItemId;
            this.firstEvent = firstEvent;
        }
    }

    private record Seen(String itemId, Instant publishedAt, Fingerprint fingerprint, SupplyEventDetected event,
                        Story story) {
    }

    private final Duration window;
    private final Deque<Seen> recent = new ArrayDeque<>();
    private final Map<String, String> itemIdByIdentity = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private Instant newest = Instant.MIN;

    public Deduplicator(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
    }

    public synchronized Decision observe(NewsItem item, SupplyEventDetected event) {
        String url = EventIds.canonicalUrl(item.url());
        String key = "id:" + item.sourceId() + "|" + item.id();
        String earlier = url == null ? null : itemIdByIdentity.get("url:" + url);
        if (earlier == null && item.id() != null) {
            earlier = itemIdByIdentity.get(key);
        }
        if (earlier != null) {
            return new Decision(Decision.Outcome.EXACT_DUPLICATE, earlier, null);
        }
        if (url != null) {
            itemIdByIdentity.put("url:" + url, item.id());
        }
        if (item.id() != null) {
            itemIdByIdentity.put(key, item.id());
        }

        Instant published = event.publishedAt();
        forgetBefore(published);
        Fingerprint fingerprint = Fingerprint.of(item.title(), item.text());
        Story story = null;
        for (Seen seen : recent) {
            if (withinWindow(seen.publishedAt(), published) && sameStory(seen, fingerprint, event)) {
                story = seen.story();
                break;
            }
        }
        String source = sourceOf(item);
        if (story == null) {
            Story fresh = new Story(item.id(), event);
            fresh.sources.add(source);
            recent.addLast(new Seen(item.id(), published, fingerprint, event, fresh));
            return new Decision(Decision.Outcome.NEW, null, event);
        }
        story.sources.add(source);
        recent.addLast(new Seen(item.id(), published, fingerprint, event, story));
        return new Decision(Decision.Outcome.NEAR_DUPLICATE, story.firstItemId,
                story.firstEvent.withCorroborations(story.sources.size()));
    }

    private boolean sameStory(Seen seen, Fingerprint fingerprint, SupplyEventDetected event) {
        if (seen.fingerprint().wordingSimilarity(fingerprint) >= SAME_WORDING) {
            return true;
        }
        SupplyEventDetected other = seen.event();
        boolean aboutSomething = !event.elements().isEmpty() || !event.groups().isEmpty();
        return aboutSomething && event.eventType() != EventType.NOT_RELEVANT
                && event.eventType() == other.eventType() && event.direction() == other.direction()
                && Set.copyOf(event.elements()).equals(Set.copyOf(other.elements()))
                && Set.copyOf(event.groups()).equals(Set.copyOf(other.groups()))
                && seen.fingerprint().factSimilarity(fingerprint) >= SAME_FACTS;
    }

    private boolean withinWindow(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(window) <= 0;
    }

    private void forgetBefore(Instant published) {
        if (published.isAfter(newest)) {
            newest = published;
        }
        Instant horizon = newest.minus(window);
        for (Iterator<Seen> it = recent.iterator(); it.hasNext(); ) {
            if (it.next().publishedAt().isBefore(horizon)) {
                it.remove();
            }
        }
    }

    /** The outlet: the configured source, or for pushed and imported items the URL's host. */
    private static String sourceOf(NewsItem item) {
        String source = item.sourceId() == null ? "" : item.sourceId();
        String url = EventIds.canonicalUrl(item.url());
        boolean generic = source.isEmpty() || source.equals("push") || source.equals("import") || source.equals("extract");
        if (generic && url != null) {
            int hostStart = url.indexOf("://");
            if (hostStart >= 0) {
                int hostEnd = url.indexOf('/', hostStart + 3);
                return "host:" + url.substring(hostStart + 3, hostEnd < 0 ? url.length() : hostEnd);
            }
        }
        return source;
    }
}
