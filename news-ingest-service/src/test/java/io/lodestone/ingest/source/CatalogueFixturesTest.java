package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every entry of the built-in catalogue, read from a fixture in the shape its publisher serves
 * (feed, JSON, or list and notice pages) on a loopback server standing in for the publisher's
 * host: its configured selectors or pointers must give the expected titles, dates, URLs and
 * language. When a publisher changes its layout, update the fixture and the entry together.
 */
class CatalogueFixturesTest {

    private static final SourceCatalogue CATALOGUE = SourceCatalogue.load(
            new ClassPathResource(IngestProperties.Catalogue.DEFAULT_LOCATION.substring("classpath:".length())),
            Validation.buildDefaultValidatorFactory().getValidator());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    static Stream<IngestProperties.Source> entries() {
        return CATALOGUE.sources().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void turnsItsFixtureIntoTheExpectedItems(IngestProperties.Source entry) throws FetchException {
        try (RecordingHttpServer publisher = RecordingHttpServer.start();
             HttpFetcher fetcher = new HttpFetcher(HtmlListReaderTest.http(DataSize.ofMegabytes(1)))) {
            // Given the publisher's host served from loopback, with this entry's fixture
            IngestProperties.Source local = onLoopback(entry, publisher);
            serve(entry, local, publisher);

            // When the entry is read with its configured selectors or pointers
            Read read = read(local, fetcher);

            // Then it gives exactly the expected items, in order, in the entry's language
            assertThat(read.problems()).as("problems reading %s", entry.id()).isEmpty();
            List<Map<String, String>> expected = expected(entry, local);
            assertThat(read.items()).as("items of %s", entry.id()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                NewsItem item = read.items().get(i);
                assertThat(item.title()).as("%s item %d title", entry.id(), i).isEqualTo(expected.get(i).get("title"));
                assertThat(item.publishedAt()).as("%s item %d date", entry.id(), i)
                        .isEqualTo(Instant.parse(expected.get(i).get("publishedAt")));
                assertThat(item.url()).as("%s item %d url", entry.id(), i).isEqualTo(expected.get(i).get("url"));
                assertThat(item.language()).as("%s item %d language", entry.id(), i).isEqualTo(entry.language());
                assertThat(item.sourceId()).isEqualTo(entry.id());
                if (entry.kind() == IngestProperties.Kind.HTML_LIST) {
                    assertThat(item.text()).as("%s item %d text", entry.id(), i).isNotBlank().doesNotContain("<", "DOCTYPE");
                }
            }
        }
    }

    @Test
    void everyEntryHasAFixtureAndEveryFixtureAnEntry() {
        List<String> missing = new ArrayList<>();
        for (IngestProperties.Source entry : CATALOGUE.sources()) {
            for (String file : files(entry)) {
                if (!new ClassPathResource("catalogue/" + entry.id() + "/" + file).exists()) {
                    missing.add(entry.id() + "/" + file);
                }
            }
        }
        assertThat(missing).as("fixtures missing under src/test/resources/catalogue/").isEmpty();
        // the source folder, not the copy under target/, which keeps folders renamed since
        assertThat(new java.io.File("src/test/resources/catalogue").list())
                .as("fixture folders without a catalogue entry")
                .containsExactlyInAnyOrderElementsOf(CATALOGUE.sources().stream().map(IngestProperties.Source::id).toList());
    }

    @Test
    void theCatalogueCoversChineseAndGovernmentPublishersAndSaysWhyAndWhatWasChecked() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(text("sources/catalogue.yml")).get("sources");

        assertThat(CATALOGUE.version()).isNotBlank();
        assertThat(raw).hasSizeGreaterThanOrEqualTo(15).allSatisfy(entry -> {
            assertThat(entry).containsKeys("id", "publisher", "kind", "url", "language", "poll-interval", "why", "checked");
            assertThat(entry.get("why").toString()).hasSizeGreaterThan(40);
        });
        assertThat(CATALOGUE.sources()).filteredOn(s -> s.language().startsWith("zh")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(CATALOGUE.sources()).filteredOn(s -> s.url().getHost().matches(".*\\.gov(\\.cn)?$|.*europa\\.eu$|.*\\.go\\.jp$"))
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aBrokenListSelectorIsReportedNamingTheSelector() {
        // Given the MNR entry's list page after an imagined redesign
        IngestProperties.Source entry = CATALOGUE.sources().stream().filter(s -> s.id().equals("mnr-notices"))
                .findFirst().orElseThrow();
        try (RecordingHttpServer publisher = RecordingHttpServer.start();
             HttpFetcher fetcher = new HttpFetcher(HtmlListReaderTest.http(DataSize.ofMegabytes(1)))) {
            IngestProperties.Source local = onLoopback(entry, publisher);
            publisher.respondTo(local.url().getPath(), Response.ok("text/html", "<div class='redesigned'><a href='/a'>A</a></div>"));

            // When it is read, Then the error names the selector that matched nothing
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(local, fetcher))
                    .hasMessageStartingWith("list selector 'ul.ky_open_list > li' matched 0 items on " + local.url());
        }
    }

    private record Read(List<NewsItem> items, List<String> problems) {
    }

    private static Read read(IngestProperties.Source source, HttpFetcher fetcher) throws FetchException {
        return switch (source.kind()) {
            case HTML_LIST -> {
                HtmlListReader.Harvest harvest = new HtmlListReader(fetcher,
                        new RobotsPolicy(fetcher, HtmlListReaderTest.http(DataSize.ofMegabytes(1)), Clock.systemUTC()),
                        new RememberedNotices()).read(source, HttpFetcher.Validators.NONE, NOW);
                yield new Read(harvest.items(), harvest.problems());
            }
            case FEED -> new Read(new FeedParser().parse(fetcher.fetch(source, HttpFetcher.Validators.NONE).body(), source, NOW),
                    List.of());
            case JSON -> new Read(new JsonApiParser(JSON).parse(fetcher.fetch(source, HttpFetcher.Validators.NONE).body(),
                    source, NOW), List.of());
        };
    }

    /** The entry with its URL's scheme, host and port replaced by the loopback server's. */
    private static IngestProperties.Source onLoopback(IngestProperties.Source entry, RecordingHttpServer publisher) {
        URI real = entry.url();
        URI local = URI.create(publisher.uri(real.getRawPath()) + (real.getRawQuery() == null ? "" : "?" + real.getRawQuery()));
        return new IngestProperties.Source(entry.id(), entry.kind(), local, entry.pollInterval(), entry.enabled(),
                entry.language(), entry.json(), entry.publisher(), entry.html());
    }

    private static void serve(IngestProperties.Source entry, IngestProperties.Source local, RecordingHttpServer publisher) {
        String dir = "catalogue/" + entry.id() + "/";
        switch (entry.kind()) {
            case HTML_LIST -> {
                publisher.respondTo("/robots.txt", Response.status(404));
                publisher.respondTo(local.url().getPath(), Response.ok("text/html; charset=utf-8", text(dir + "list.html")));
                publisher.respondByDefault(Response.ok("text/html; charset=utf-8", text(dir + "detail.html")));
                if (entry.html().listUnit() != null) {
                    publisher.respondTo(listUnitPath(local, text(dir + "list.html")),
                            Response.ok("application/json", text(dir + "unit.json")));
                }
            }
            case FEED -> publisher.respondByDefault(Response.ok("application/rss+xml", text(dir + "feed.xml")));
            case JSON -> publisher.respondByDefault(Response.ok("application/json", text(dir + "response.json")));
        }
    }

    /** The path of the request the list page's script would make for the list. */
    private static String listUnitPath(IngestProperties.Source local, String page) {
        try {
            return HtmlPages.listUnitUrl(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", local.url(),
                    local.html().listUnit()).getPath();
        } catch (FetchException e) {
            throw new AssertionError(local.id() + ": " + e.getMessage(), e);
        }
    }

    /** The expected items; relative URLs (of notice pages) are resolved against the local list URL. */
    private static List<Map<String, String>> expected(IngestProperties.Source entry, IngestProperties.Source local) {
        JsonNode items = JSON.readTree(text("catalogue/" + entry.id() + "/expected.json")).get("items");
        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonNode item : items) {
            String url = item.get("url").asString();
            expected.add(Map.of("title", item.get("title").asString(), "publishedAt", item.get("publishedAt").asString(),
                    "url", url.startsWith("http") ? url : local.url().resolve(url).toString()));
        }
        return expected;
    }

    private static List<String> files(IngestProperties.Source entry) {
        return switch (entry.kind()) {
            case HTML_LIST -> entry.html().listUnit() == null ? List.of("list.html", "detail.html", "expected.json")
                    : List.of("list.html", "unit.json", "detail.html", "expected.json");
            case FEED -> List.of("feed.xml", "expected.json");
            case JSON -> List.of("response.json", "expected.json");
        };
    }

    private static String text(String name) {
        try (InputStream in = CatalogueFixturesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
