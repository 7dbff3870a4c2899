package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestone.ingest.IngestProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.unit.DataSize;

/** Which sources run: configured ones first and winning on their id, then the catalogue less what is disabled. */
class ConfiguredSourcesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void withTheCatalogueOffOnlyConfiguredSourcesRun() {
        ConfiguredSources sources = sources(List.of(feed("mine", "https://mine.example.org/rss")), false, List.of());

        assertThat(sources.all()).extracting(IngestProperties.Source::id).containsExactly("mine");
        assertThat(sources.catalogueVersion()).isEmpty();
    }

    @Test
    void aConfiguredSourceReplacesTheCatalogueEntryWithItsIdAndDisabledEntriesAreLeftOut() {
        // Given a hand-configured usgs-news pointing elsewhere, and two catalogue entries disabled
        ConfiguredSources sources = sources(List.of(feed("usgs-news", "https://mirror.example.org/usgs.xml")), true,
                List.of("google-news-en", "google-news-zh"));

        // Then the configured one is used, first, and the disabled ones are absent
        assertThat(sources.all().get(0).url()).isEqualTo(URI.create("https://mirror.example.org/usgs.xml"));
        assertThat(sources.all()).filteredOn(s -> s.id().equals("usgs-news")).hasSize(1);
        assertThat(sources.all()).extracting(IngestProperties.Source::id)
                .contains("mofcom-announcements", "federal-register").doesNotContain("google-news-en", "google-news-zh");
        assertThat(sources.catalogueVersion()).isPresent();
    }

    @Test
    void aCatalogueEntryThatWouldNotStartAsConfigurationStopsTheStart() {
        assertThatThrownBy(() -> new ConfiguredSources(properties(List.of(), true, List.of(),
                "classpath:catalogue-broken.yml"), new DefaultResourceLoader(), VALIDATOR))
                .hasMessageContaining("catalogue-broken.yml").hasMessageContaining("needs an 'html' mapping");
    }

    private static ConfiguredSources sources(List<IngestProperties.Source> configured, boolean catalogue, List<String> disabled) {
        return new ConfiguredSources(properties(configured, catalogue, disabled, IngestProperties.Catalogue.DEFAULT_LOCATION),
                new DefaultResourceLoader(), VALIDATOR);
    }

    private static IngestProperties properties(List<IngestProperties.Source> configured, boolean catalogue,
                                               List<String> disabled, String location) {
        return new IngestProperties(true, Duration.ofDays(7), 1000, HtmlListReaderTest.http(DataSize.ofMegabytes(5)),
                configured, new IngestProperties.Catalogue(catalogue, location, disabled));
    }

    private static IngestProperties.Source feed(String id, String url) {
        return new IngestProperties.Source(id, IngestProperties.Kind.FEED, URI.create(url), Duration.ofMinutes(15), true,
                "en", null, null, null);
    }
}
