package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.testsupport.RecordedRequest;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * An html-list source read from a real loopback server: list page, detail pages once, paging,
 * conditional GET, robots.txt, size caps, egress checks, and clear errors when a layout changes.
 */
class HtmlListReaderTest {

    private static final Instant NOW = Instant.parse("2025-11-01T00:00:00Z");
    private static final String HTML = "text/html; charset=utf-8";

    private final RecordingHttpServer server = RecordingHttpServer.start();
    private final RememberedNotices seen = new RememberedNotices();
    private final HttpFetcher fetcher = new HttpFetcher(http(DataSize.ofKilobytes(64)));
    private final HtmlListReader reader = new HtmlListReader(fetcher,
            new RobotsPolicy(fetcher, http(DataSize.ofKilobytes(64)), Clock.systemUTC()), seen);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void readsEachNewNoticeFromItsDetailPageAsPlainText() throws FetchException {
        // Given a list of two notices, one linked relatively, and detail pages with a DOCTYPE, scripts and markup
        server.respondTo("/notices/", page(list(notice("Notice on rare earth export licences", "/notices/61.html", "2025-10-09"),
                        notice("Notice on antimony", "http://" + host() + "/notices/62.html", "2025-10-10"))))
                .respondTo("/notices/61.html", page(detail("Licences are required for samarium and dysprosium.")))
                .respondTo("/notices/62.html", page(detail("Antimony ingots need a licence.")));

        // When the source is read
        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then each notice is one item with the list's title and date and the detail page's text only
        assertThat(harvest.problems()).isEmpty();
        assertThat(harvest.items()).extracting(NewsItem::title)
                .containsExactly("Notice on rare earth export licences", "Notice on antimony");
        NewsItem first = harvest.items().get(0);
        assertThat(first.url()).isEqualTo(server.uri("/notices/61.html").toString());
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-10-08T16:00:00Z"));
        assertThat(first.language()).isEqualTo("zh-Hans");
        assertThat(first.sourceId()).isEqualTo("ministry");
        assertThat(first.text()).isEqualTo("Licences are required for samarium and dysprosium.\nIssued by the ministry.")
                .doesNotContain("<", "DOCTYPE", "tracker", "Site menu");
        assertThat(requestsTo("/notices/61.html")).singleElement()
                .satisfies(r -> assertThat(r.header("User-Agent")).isEqualTo("Lodestone-news-ingest/test"));
    }

    @Test
    void noticesLeftWhenThePollsTimeIsSpentWaitForTheNextPoll() throws FetchException {
        // Given a list of three new notices, and a reader whose poll may spend no time on notice pages
        server.respondTo("/notices/", page(list(notice("One", "/notices/1.html", "2025-10-09"),
                        notice("Two", "/notices/2.html", "2025-10-10"), notice("Three", "/notices/3.html", "2025-10-11"))))
                .respondTo("/notices/1.html", page(detail("One.")))
                .respondTo("/notices/2.html", page(detail("Two.")))
                .respondTo("/notices/3.html", page(detail("Three.")));
        HtmlListReader hurried = new HtmlListReader(fetcher,
                new RobotsPolicy(fetcher, http(DataSize.ofKilobytes(64)), Clock.systemUTC()), seen, Duration.ZERO);

        // When it polls, and then a reader with time polls again
        HtmlListReader.Harvest first = hurried.read(source(), HttpFetcher.Validators.NONE, NOW);
        remember(first);
        HtmlListReader.Harvest second = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then the first poll reads one notice and says the others wait; the next reads them
        assertThat(first.items()).extracting(NewsItem::title).containsExactly("One");
        assertThat(first.problems()).containsExactly(
                "2 more new notices wait for the next poll (this poll's 0 min for notice pages are spent)");
        assertThat(first.validators()).isEqualTo(HttpFetcher.Validators.NONE);
        assertThat(second.items()).extracting(NewsItem::title).containsExactly("Two", "Three");
    }

    @Test
    void fetchesADetailPageOnlyOnceAcrossPolls() throws FetchException {
        // Given a list read once and remembered
        server.respondTo("/notices/", page(list(notice("First", "/notices/1.html", "2025-10-09"))))
                .respondTo("/notices/1.html", page(detail("One.")))
                .respondTo("/notices/2.html", page(detail("Two.")));
        remember(reader.read(source(), HttpFetcher.Validators.NONE, NOW));

        // When the list gains a notice and is read again
        server.respondTo("/notices/", page(list(notice("Second", "/notices/2.html", "2025-10-10"),
                notice("First", "/notices/1.html", "2025-10-09"))));
        HtmlListReader.Harvest second = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then only the new notice's page is fetched
        assertThat(second.items()).extracting(NewsItem::title).containsExactly("Second");
        assertThat(requestsTo("/notices/1.html")).hasSize(1);
        assertThat(requestsTo("/notices/2.html")).hasSize(1);
    }

    @Test
    void sendsTheListValidatorsAndReadsNothingWhenNotModified() throws FetchException {
        // Given a list answered with an ETag
        server.respondTo("/notices/", page(list(notice("First", "/notices/1.html", "2025-10-09")))
                        .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Thu, 09 Oct 2025 08:00:00 GMT"))
                .respondTo("/notices/1.html", page(detail("One.")));
        HtmlListReader.Harvest first = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // When the next poll is answered 304
        server.respondTo("/notices/", Response.status(304));
        HtmlListReader.Harvest second = reader.read(source(), first.validators(), NOW);

        // Then the validators were sent and nothing was read
        assertThat(second.notModified()).isTrue();
        assertThat(second.items()).isEmpty();
        RecordedRequest conditional = requestsTo("/notices/").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Thu, 09 Oct 2025 08:00:00 GMT");
    }

    @Test
    void followsOlderListPagesWhileEveryNoticeIsNewUpToMaxPages() throws FetchException {
        // Given three list pages linked by "next", and a source that reads at most two
        server.respondTo("/notices/", page(list(notice("A", "/n/a.html", "2025-10-09")) + next("/notices/p2.html")))
                .respondTo("/notices/p2.html", page(list(notice("B", "/n/b.html", "2025-10-08")) + next("/notices/p3.html")))
                .respondTo("/notices/p3.html", page(list(notice("C", "/n/c.html", "2025-10-07"))));
        List.of("a", "b", "c").forEach(n -> server.respondTo("/n/" + n + ".html", page(detail(n))));

        // When a fresh source is read
        HtmlListReader.Harvest fresh = reader.read(source(mapping(null).withPaging(".next a", 2)),
                HttpFetcher.Validators.NONE, NOW);

        // Then two pages are read, not three
        assertThat(fresh.items()).extracting(NewsItem::title).containsExactly("A", "B");
        assertThat(requestsTo("/notices/p3.html")).isEmpty();
    }

    @Test
    void stopsPagingAtAPageWithANoticeAlreadyRead() throws FetchException {
        // Given a notice on the first page already read
        server.respondTo("/notices/", page(list(notice("New", "/n/new.html", "2025-10-10"),
                        notice("Old", "/n/old.html", "2025-10-09")) + next("/notices/p2.html")))
                .respondTo("/n/new.html", page(detail("New.")));
        seen.remember("ministry", server.uri("/n/old.html").toString());

        // When the source is read
        HtmlListReader.Harvest harvest = reader.read(source(mapping(null).withPaging(".next a", 5)),
                HttpFetcher.Validators.NONE, NOW);

        // Then the older page is not asked for
        assertThat(harvest.items()).extracting(NewsItem::title).containsExactly("New");
        assertThat(requestsTo("/notices/p2.html")).isEmpty();
    }

    @Test
    void aListLoadedByAScriptIsAskedForTheWayThePageWouldAskForIt() throws FetchException {
        // Given a page that only carries the request its script makes for the list, as TRS-style sites do
        server.respondTo("/notices/", page("<div class='list'><script parseType='buildstatic' url='/api-gateway/unit'"
                        + " querydata=\"{'webId':'w1','pageId':42}\"></script></div>"))
                .respondTo("/api-gateway/unit", Response.ok("application/json", "{\"code\":\"200\",\"data\":{\"html\":"
                        + "\"<ul class='notices'><li><a href='/n/1.html'>Loaded notice</a><span class='date'>2025-10-09</span></li></ul>\"}}"))
                .respondTo("/n/1.html", page(detail("Loaded.")));

        // When the source is read
        HtmlListReader.Harvest harvest = reader.read(source(mapping(null).withListUnit("script[url][querydata]")),
                HttpFetcher.Validators.NONE, NOW);

        // Then the list comes from that request, with the page's query data and the first page asked for
        assertThat(harvest.items()).extracting(NewsItem::title).containsExactly("Loaded notice");
        assertThat(harvest.items().get(0).url()).isEqualTo(server.uri("/n/1.html").toString());
        assertThat(requestsTo("/api-gateway/unit")).isEmpty();
        assertThat(server.requests()).extracting(RecordedRequest::path)
                .contains("/api-gateway/unit?webId=w1&pageId=42&pageNum=1&pageSize=15");
    }

    @Test
    void aListRequestAnsweredWithoutTheListNamesWhatIsMissing() {
        server.respondTo("/notices/", page("<script url='/api-gateway/unit' querydata=\"{'webId':'w1'}\"></script>"))
                .respondTo("/api-gateway/unit", Response.ok("application/json", "{\"code\":\"500\",\"data\":null}"));

        assertThatThrownBy(() -> reader.read(source(mapping(null).withListUnit("script[url]")), HttpFetcher.Validators.NONE, NOW))
                .hasMessage("the list answer from " + server.uri("/api-gateway/unit?webId=w1&pageNum=1&pageSize=15")
                        + " has no HTML at /data/html");
    }

    @Test
    void aChangedListLayoutFailsThePollNamingTheSelector() {
        // Given a list page redesigned with other class names
        server.respondTo("/notices/", page("<div class='news-cards'><div class='card'><a href='/x'>X</a></div></div>"));

        // When it is read, Then the error says which selector matched nothing, and where
        assertThatThrownBy(() -> reader.read(source(), HttpFetcher.Validators.NONE, NOW))
                .isInstanceOf(FetchException.class)
                .hasMessage("list selector 'ul.notices li' matched 0 items on " + server.uri("/notices/"));
    }

    @Test
    void itemsWithoutTitleOrLinkAreSkippedAndReported() throws FetchException {
        // Given a list where one item lost its link
        server.respondTo("/notices/", page("<ul class='notices'>" + notice("Linked", "/n/1.html", "2025-10-09")
                        + "<li><a>Unlinked</a><span class='date'>2025-10-09</span></li></ul>"))
                .respondTo("/n/1.html", page(detail("One.")));

        // When it is read
        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then the good one is read and the other reported
        assertThat(harvest.items()).extracting(NewsItem::title).containsExactly("Linked");
        assertThat(harvest.problems()).singleElement().asString()
                .contains("1 of 2 items", "0 without a title", "1 without a link (selector 'a[href]')");
    }

    @Test
    void aFailingDetailPageIsReportedRetriedNextPollAndDoesNotStopTheOthers() throws FetchException {
        // Given two notices, one of whose pages fails
        server.respondTo("/notices/", page(list(notice("Good", "/n/good.html", "2025-10-09"),
                        notice("Broken", "/n/broken.html", "2025-10-09"))).withHeader("ETag", "\"v1\""))
                .respondTo("/n/good.html", page(detail("Good.")))
                .respondTo("/n/broken.html", Response.status(500));

        // When it is read
        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then the good notice is an item, the failure is reported, and the list's ETag is not kept
        assertThat(harvest.items()).extracting(NewsItem::title).containsExactly("Good");
        assertThat(harvest.problems()).singleElement().asString()
                .isEqualTo("notice " + server.uri("/n/broken.html") + " failed: HTTP 500 from " + server.uri("/n/broken.html"));
        assertThat(harvest.validators()).isEqualTo(HttpFetcher.Validators.NONE);
    }

    @Test
    void aDetailPageWhoseBodySelectorMatchesNothingIsReported() throws FetchException {
        server.respondTo("/notices/", page(list(notice("Moved", "/n/1.html", "2025-10-09"))))
                .respondTo("/n/1.html", page("<div class='new-layout'>Text</div>"));

        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        assertThat(harvest.items()).isEmpty();
        assertThat(harvest.problems()).singleElement().asString()
                .contains("body selector 'div.article' matched nothing on " + server.uri("/n/1.html"));
    }

    @Test
    void pathsDisallowedByRobotsTxtAreSkippedAndReported() throws FetchException {
        // Given a robots.txt that keeps our crawler out of /private/ but lets everyone else in
        server.respondTo("/robots.txt", Response.ok("text/plain", "User-agent: *\nAllow: /\n\nUser-agent: Lodestone\nDisallow: /private/\n"))
                .respondTo("/notices/", page(list(notice("Open", "/n/open.html", "2025-10-09"),
                        notice("Closed", "/private/closed.html", "2025-10-09"))))
                .respondTo("/n/open.html", page(detail("Open.")));

        // When the source is read
        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then the disallowed page is never fetched, and the status says why
        assertThat(harvest.items()).extracting(NewsItem::title).containsExactly("Open");
        assertThat(requestsTo("/private/closed.html")).isEmpty();
        assertThat(harvest.problems()).singleElement().asString()
                .contains("robots.txt of http://" + host() + " disallows /private/closed.html", "'Closed' skipped");
    }

    @Test
    void aListPageDisallowedByRobotsTxtIsNotFetched() {
        server.respondTo("/robots.txt", Response.ok("text/plain", "User-agent: *\nDisallow: /notices/\n"));

        assertThatThrownBy(() -> reader.read(source(), HttpFetcher.Validators.NONE, NOW))
                .hasMessageContaining("disallows /notices/").hasMessageContaining("the list page is not read");
        assertThat(requestsTo("/notices/")).isEmpty();
    }

    @Test
    void aRobotsTxtThatCannotBeReadForbidsEverythingAndAMissingOneAllowsEverything() throws FetchException {
        server.respondTo("/robots.txt", Response.status(503));
        assertThatThrownBy(() -> reader.read(source(), HttpFetcher.Validators.NONE, NOW))
                .hasMessageContaining("robots.txt of http://" + host() + " cannot be read (HTTP 503");

        server.respondTo("/robots.txt", Response.status(404))
                .respondTo("/notices/", page(list(notice("Open", "/n/open.html", "2025-10-09"))))
                .respondTo("/n/open.html", page(detail("Open.")));
        assertThat(reader.read(source(), HttpFetcher.Validators.NONE, NOW).items()).hasSize(1);
    }

    @Test
    void aDetailPageOverTheSizeCapIsReportedNotParsed() throws FetchException {
        server.respondTo("/notices/", page(list(notice("Huge", "/n/huge.html", "2025-10-09"))))
                .respondTo("/n/huge.html", page(detail("x".repeat(70 * 1024))));

        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        assertThat(harvest.items()).isEmpty();
        assertThat(harvest.problems()).singleElement().asString().contains("larger than the 65536B cap; not parsed");
    }

    @Test
    void aLinkToAPrivateAddressElsewhereIsRefusedByTheEgressCheck() throws FetchException {
        // Given a list that links to an internal address on another origin (the list itself is on loopback, chosen by the operator)
        server.respondTo("/notices/", page(list(notice("Internal", "http://10.1.2.3/admin", "2025-10-09"))));

        // When it is read
        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        // Then nothing is fetched there and the refusal is reported
        assertThat(harvest.items()).isEmpty();
        assertThat(harvest.problems()).anySatisfy(problem -> assertThat(problem).contains("refused"));
    }

    @Test
    void undatedNoticesAreKeptUndatedAndReported() throws FetchException {
        server.respondTo("/notices/", page(list(notice("No date", "/n/1.html", "soon"))))
                .respondTo("/n/1.html", page(detail("One.")));

        HtmlListReader.Harvest harvest = reader.read(source(), HttpFetcher.Validators.NONE, NOW);

        assertThat(harvest.items()).singleElement().satisfies(item -> assertThat(item.publishedAt()).isNull());
        assertThat(harvest.problems()).singleElement().asString()
                .contains("left undated", "date selector 'span.date'", "'yyyy-MM-dd'");
    }

    private void remember(HtmlListReader.Harvest harvest) {
        harvest.items().forEach(item -> seen.remember("ministry", item.url()));
    }

    private List<RecordedRequest> requestsTo(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private String host() {
        return server.uri("/").getAuthority();
    }

    static IngestProperties.Http http(DataSize maxBody) {
        return new IngestProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), maxBody, Duration.ofHours(6),
                "Lodestone-news-ingest/test", List.of(), Duration.ZERO, Duration.ofHours(24));
    }

    private IngestProperties.Source source() {
        return source(mapping(null));
    }

    private IngestProperties.Source source(Mapping mapping) {
        return new IngestProperties.Source("ministry", IngestProperties.Kind.HTML_LIST, server.uri("/notices/"),
                Duration.ofMinutes(30), true, "zh-Hans", null, "A ministry", mapping.build());
    }

    private static Mapping mapping(String link) {
        return new Mapping(link, null, 3, null);
    }

    /** The test source's selectors, with paging when asked. */
    private record Mapping(String link, String nextPage, int maxPages, String unit) {
        Mapping withPaging(String next, int pages) {
            return new Mapping(link, next, pages, unit);
        }

        Mapping withListUnit(String selector) {
            return new Mapping(link, nextPage, maxPages, selector);
        }

        IngestProperties.HtmlMapping build() {
            return new IngestProperties.HtmlMapping("ul.notices li", "a", link == null ? "a[href]" : link, "span.date",
                    "yyyy-MM-dd", ZoneId.of("Asia/Shanghai"), "div.article", nextPage, maxPages, 20, unit);
        }
    }

    private static Response page(String body) {
        return Response.ok(HTML, "<!DOCTYPE html><html><head><title>Site</title></head><body>" + body + "</body></html>");
    }

    private static String list(String... notices) {
        return "<nav>Site menu</nav><ul class='notices'>" + String.join("", notices) + "</ul>";
    }

    private static String notice(String title, String href, String date) {
        return "<li><a href='" + href + "'>" + title + "</a><span class='date'>[" + date + "]</span></li>";
    }

    private static String next(String href) {
        return "<div class='next'><a href='" + href + "'>Next</a></div>";
    }

    private static String detail(String text) {
        return "<nav>Site menu</nav><div class='article'><script>var tracker = 1;</script><p>" + text
                + "</p><p>Issued by <b>the ministry</b>.</p></div>";
    }

}
