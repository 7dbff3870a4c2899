package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.api.LimitReachedException;
import jakarta.validation.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operators switch, add and delete sources; every change is recorded first, and replicas converge on the last one. */
class RuntimeSourcesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RememberedOverrides log = new RememberedOverrides();
    private final List<String> changed = new ArrayList<>();
    private final RuntimeSources sources = sources(log);

    @Test
    void switchingAConfiguredSourceOffIsRecordedAndListed() {
        IngestProperties.Source off = sources.setEnabled("usgs", false);

        assertThat(off.enabled()).isFalse();
        assertThat(sources.byId("usgs")).get().extracting(IngestProperties.Source::enabled).isEqualTo(false);
        assertThat(log.written).singleElement().satisfies(entry -> {
            assertThat(entry.getKey()).isEqualTo("usgs");
            assertThat(entry.getValue()).isEqualTo(SourceOverride.switched(false));
        });
        assertThat(changed).containsExactly("usgs");
    }

    @Test
    void anAddedSourceComesAfterTheConfiguredOnesAndKeepsItsDefinitionWhenSwitched() {
        sources.add(definition("mining-feed"));
        sources.setEnabled("mining-feed", false);

        assertThat(sources.all()).extracting(IngestProperties.Source::id).containsExactly("usgs", "mining-feed");
        assertThat(log.written.get(1).getValue().definition()).isEqualTo(definition("mining-feed"));
        assertThat(sources.byId("mining-feed")).get().extracting(IngestProperties.Source::enabled).isEqualTo(false);
    }

    @Test
    void takenIdsUnknownIdsAndConfiguredSourcesAreRefusedWithTheirReason() {
        assertThat(refusal(() -> sources.add(definition("usgs")))).isEqualTo(SourceChangeRefused.Reason.CONFLICT);
        assertThat(refusal(() -> sources.add(definition("push")))).isEqualTo(SourceChangeRefused.Reason.CONFLICT);
        assertThat(refusal(() -> sources.setEnabled("nope", true))).isEqualTo(SourceChangeRefused.Reason.UNKNOWN);
        assertThat(refusal(() -> sources.remove("nope"))).isEqualTo(SourceChangeRefused.Reason.UNKNOWN);
        assertThat(refusal(() -> sources.remove("usgs"))).isEqualTo(SourceChangeRefused.Reason.CONFLICT);
        assertThat(log.written).isEmpty();
    }

    @Test
    void addingPastTheLimitIsRefusedNamingItsPropertyUntilOneIsDeleted() {
        RuntimeSources capped = sources(log, 2);
        capped.add(definition("feed-one"));
        capped.add(definition("feed-two"));

        LimitReachedException refused = catchThrowableOfType(LimitReachedException.class,
                () -> capped.add(definition("feed-three")));

        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.property()).isEqualTo("lodestone.ingest.max-added-sources");
        assertThat(refused.getMessage()).contains("At most 2 sources added through the API");
        assertThat(capped.byId("feed-three")).isEmpty();
        assertThat(log.written).hasSize(2);
        // configured sources do not count, and a deleted one makes room
        capped.remove("feed-one");
        capped.add(definition("feed-three"));
        assertThat(capped.all()).extracting(IngestProperties.Source::id).containsExactly("usgs", "feed-two", "feed-three");
    }

    @Test
    void aReplicaThatReadsTheRecordsEndsWithTheSameSources() {
        // Given changes made on one replica
        sources.add(definition("mining-feed"));
        sources.setEnabled("usgs", false);
        sources.add(definition("short-lived"));
        sources.remove("short-lived");

        // When another replica applies the records in order
        RuntimeSources other = sources(new RememberedOverrides());
        log.written.forEach(entry -> other.apply(entry.getKey(), entry.getValue()));

        // Then it has the same sources
        assertThat(other.all()).isEqualTo(sources.all());
        assertThat(other.all()).extracting(IngestProperties.Source::id).containsExactly("usgs", "mining-feed");
    }

    @Test
    void aChangeThatIsNotRecordedIsNotMade() {
        RuntimeSources down = sources(new SourceOverrideLog() {
            @Override
            public void write(String sourceId, SourceOverride change) {
                throw new SourceChangeRefused(SourceChangeRefused.Reason.UNAVAILABLE, "broker down");
            }

            @Override
            public boolean restored() {
                return true;
            }
        });

        assertThat(refusal(() -> down.setEnabled("usgs", false))).isEqualTo(SourceChangeRefused.Reason.UNAVAILABLE);
        assertThat(down.byId("usgs")).get().extracting(IngestProperties.Source::enabled).isEqualTo(true);
    }

    private RuntimeSources sources(SourceOverrideLog changes) {
        return sources(changes, IngestProperties.DEFAULT_MAX_ADDED_SOURCES);
    }

    private RuntimeSources sources(SourceOverrideLog changes, int maxAdded) {
        IngestProperties.Source usgs = new IngestProperties.Source("usgs", IngestProperties.Kind.FEED,
                URI.create("https://www.usgs.gov/news.rss"), Duration.ofHours(1), true, "en", null, "USGS", null);
        IngestProperties properties = new IngestProperties(true, Duration.ofDays(7), 1000,
                new IngestProperties.Http(Duration.ofSeconds(1), Duration.ofSeconds(1), null, Duration.ofHours(1), "ua",
                        List.of(), Duration.ZERO, Duration.ofHours(1)), List.of(usgs),
                new IngestProperties.Catalogue(false, IngestProperties.Catalogue.DEFAULT_LOCATION, List.of()),
                new IngestProperties.Measures(false, Duration.ofMinutes(1)), maxAdded);
        RuntimeSources runtime = new RuntimeSources(new ConfiguredSources(properties, null, null), changes,
                Validation.buildDefaultValidatorFactory().getValidator());
        runtime.onChange(changed::add);
        return runtime;
    }

    private static JsonNode definition(String id) {
        return JSON.readTree("{\"id\": \"" + id + "\", \"kind\": \"feed\", \"url\": \"https://example.org/" + id + ".rss\"}");
    }

    private static SourceChangeRefused.Reason refusal(Runnable change) {
        return catchThrowableOfType(SourceChangeRefused.class, change::run).reason();
    }
}
