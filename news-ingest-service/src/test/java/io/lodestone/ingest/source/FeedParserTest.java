package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final FeedParser parser = new FeedParser();

    @Test
    void readsRssItemsAsPlainText() throws Exception {
        List<NewsItem> items = parser.parse(fixture("policy-notices.rss.xml"), source(), NOW);

        assertThat(items).extracting(NewsItem::id)
                .containsExactly("notice-2025-18", "clinic-rare-disease", "notice-script-title");
        NewsItem first = items.get(0);
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-04-04T08:00:00Z"));
        assertThat(first.url()).isEqualTo("https://notices.example.org/2025/18");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.text()).startsWith("The Ministry of Commerce announced").doesNotContain("<p>");
        assertThat(items.get(2).title()).isEqualTo("Gallium export licences tightened again");
    }

    @Test
    void readsAtomEntries() throws Exception {
        List<NewsItem> items = parser.parse(fixture("industry-news.atom.xml"), source(), NOW);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("urn:lodestone:test:mp-dod");
            assertThat(item.url()).isEqualTo("https://industry.example.org/2025/07/mp-dod");
            assertThat(item.text()).contains("NdPr oxide");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe.xml", "billion-laughs.xml", "invalid-encoding.xml"})
    void hostileOrBrokenFeedsAreRefusedWhole(String file) throws Exception {
        byte[] body = fixture(file);

        assertThatThrownBy(() -> parser.parse(body, source(), NOW))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("not a readable RSS/Atom feed");
    }

    @Test
    void notXmlAtAllIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"json\":true}".getBytes(), source(), NOW))
                .isInstanceOf(FetchException.class);
    }

    @Test
    void entriesWithAbsurdDatesAreDroppedNotPublished() throws Exception {
        List<NewsItem> items = parser.parse(fixture("absurd-dates.rss.xml"), source(), NOW);

        assertThat(items).extracting(NewsItem::id).containsExactly("tomorrow-by-timezone");
    }

    static IngestProperties.Source source() {
        return new IngestProperties.Source("notices", IngestProperties.Kind.FEED, URI.create("https://notices.example.org/rss"),
                Duration.ofMinutes(15), true, null, null, null, null);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
