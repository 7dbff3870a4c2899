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

    /**
     * 200,000 nested tags in one description kept a poller thread at full CPU for seven minutes and
     * ended in a stack overflow; the feed is refused before its tree is built.
     */
    @Test
    void aFeedNestedDeeperThanTheLimitIsRefusedBeforeItsTreeIsBuilt() {
        String nested = "<a>".repeat(200_000) + "deep" + "</a>".repeat(200_000);
        byte[] feed = rss("<item><guid>deep-1</guid><title>Deep</title><description>" + nested
                + "</description></item>");

        assertThatThrownBy(() -> parser.parse(feed, source(), NOW))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("nested deeper than " + FeedParser.MAX_DEPTH);
    }

    @Test
    void atomContentInXhtmlNestedAsRealPagesAreIsRead() throws Exception {
        String xhtml = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "<div>".repeat(30)
                + "<p>Gallium export licences tightened.</p>" + "</div>".repeat(30) + "</div>";
        byte[] feed = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>News</title><id>urn:news</id><updated>2025-04-04T08:00:00Z</updated>"
                + "<entry><id>urn:news:1</id><title>Gallium licences</title><updated>2025-04-04T08:00:00Z</updated>"
                + "<content type=\"xhtml\">" + xhtml + "</content></entry></feed>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(parser.parse(feed, source(), NOW)).singleElement()
                .satisfies(item -> assertThat(item.text()).contains("Gallium export licences tightened"));
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

    /**
     * A megabyte guid travelled with its item into the story stage, past the broker's record limit:
     * every poll of the feed failed and the source backed off for hours. Ids and links are bounded
     * as a pushed item's are; the entry is known by what else identifies it, and only an entry with
     * nothing usable is dropped.
     */
    @Test
    void anEntryWithAMegabyteGuidIsKnownByItsLinkAndTheFeedIsRead() throws Exception {
        String huge = "g".repeat(1_500_000);
        byte[] feed = rss(
                entry(huge, "https://notices.example.org/2025/huge-guid", "Gallium export controls tightened"),
                entry(huge, null, "Germanium export controls tightened"),
                entry(huge, "https://notices.example.org/" + "l".repeat(3_000), "x".repeat(600)),
                entry("notice-2025-19", "https://notices.example.org/" + "l".repeat(3_000), "Antimony export ban"),
                entry("notice-2025-20", "https://notices.example.org/2025/20", "Tungsten export licences"));

        List<NewsItem> items = parser.parse(feed, source(), NOW);

        assertThat(items).extracting(NewsItem::id).containsExactly("https://notices.example.org/2025/huge-guid",
                "Germanium export controls tightened", "notice-2025-19", "notice-2025-20");
        assertThat(items).extracting(NewsItem::url).containsExactly("https://notices.example.org/2025/huge-guid",
                null, null, "https://notices.example.org/2025/20");
    }

    private static String entry(String guid, String link, String title) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid>" + (link == null ? "" : "<link>" + link + "</link>")
                + "<title>" + title + "</title><description>Announced today.</description>"
                + "<pubDate>Fri, 04 Apr 2025 08:00:00 GMT</pubDate></item>";
    }

    private static byte[] rss(String... entries) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Notices</title>"
                + "<link>https://notices.example.org/</link><description>Notices</description>" + String.join("", entries)
                + "</channel></rss>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
