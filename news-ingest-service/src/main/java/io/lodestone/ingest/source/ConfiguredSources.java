package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Every source this service knows: those configured in {@code lodestone.ingest.sources} and, when
 * {@code lodestone.ingest.catalogue.enabled}, the built-in catalogue's entries, less those listed
 * in {@code lodestone.ingest.catalogue.disabled}. A configured source replaces the catalogue entry
 * with the same id, so an operator can change one publisher without editing the catalogue.
 */
@Component
public class ConfiguredSources {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredSources.class);

    private final List<IngestProperties.Source> all;
    private final String catalogueVersion;
    private final int maxAdded;

    ConfiguredSources(IngestProperties properties, ResourceLoader resources, Validator validator) {
        this.maxAdded = properties.maxAddedSources();
        IngestProperties.Catalogue settings = properties.catalogue();
        if (settings.enabled()) {
            SourceCatalogue catalogue = SourceCatalogue.load(resources.getResource(settings.location()), validator);
            this.all = List.copyOf(catalogue.mergedWith(properties.sources(), new HashSet<>(settings.disabled())));
            this.catalogueVersion = catalogue.version();
            log.info("source catalogue {} version {}: {} entries, {} disabled; {} sources in all", settings.location(),
                    catalogue.version(), catalogue.sources().size(), settings.disabled().size(), all.size());
        } else {
            this.all = properties.sources();
            this.catalogueVersion = null;
        }
    }

    /** Every source, configured ones first, in a stable order. */
    public List<IngestProperties.Source> all() {
        return all;
    }

    /** How many sources may be added through the API besides these ({@code lodestone.ingest.max-added-sources}). */
    int maxAdded() {
        return maxAdded;
    }

    /** The version of the catalogue in use, if the catalogue is on. */
    public Optional<String> catalogueVersion() {
        return Optional.ofNullable(catalogueVersion);
    }

    Optional<IngestProperties.Source> byId(String id) {
        return all.stream().filter(source -> source.id().equals(id)).findFirst();
    }
}
