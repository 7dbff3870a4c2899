package io.lodestone.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.item.NewsItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.News.Example.com/markets/rare-earths/",
            "http://news.example.com/markets/rare-earths?utm_source=feed&utm_medium=rss",
            "https://news.example.com/markets/rare-earths#comments",
            "https://news.example.com:443/markets/rare-earths?fbclid=abc"})
    void canonicalUrlIgnoresTrackingFragmentCaseAndTrailingSlash(String url) {
        assertThat(EventIds.canonicalUrl(url)).isEqualTo("https://news.example.com/markets/rare-earths");
    }

    @Test
    void keepsMeaningfulQueryParametersInAStableOrder() {
        assertThat(EventIds.canonicalUrl("https://example.com/a?page=2&id=7&utm_campaign=x"))
                .isEqualTo("https://example.com/a?id=7&page=2");
    }

    @Test
    void eventIdFollowsTheCanonicalUrlElseSourceAndId() {
        NewsItem viaFeed = item("guid-1", "feed-a", "https://example.com/story?utm_source=a");
        NewsItem viaOtherFeed = item("guid-9", "feed-b", "https://www.example.com/story/");
        NewsItem withoutUrl = item("guid-1", "feed-a", null);

        assertThat(EventIds.eventId(viaFeed)).isEqualTo(EventIds.eventId(viaOtherFeed)).startsWith("evt-");
        assertThat(EventIds.eventId(withoutUrl)).isEqualTo(EventIds.eventId(item("guid-1", "feed-a", " ")))
                .isNotEqualTo(EventIds.eventId(item("guid-1", "feed-b", null)));
    }

    private static NewsItem item(String id, String source, String url) {
        return new NewsItem(id, source, "t", "x", url, Instant.parse("2025-01-01T00:00:00Z"), null);
    }
}
