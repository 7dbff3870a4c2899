package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.Resource;

/**
 * The built-in catalogue of publishers: a versioned YAML file of sources written exactly like
 * {@code lodestone.ingest.sources} (plus a {@code why} per entry, for people), bound and validated
 * by the same rules, so an entry that would not start as configuration does not start from the
 * catalogue either.
 *
 * @param version the catalogue's version, which changes whenever an entry does
 * @param sources its entries, in file order
 */
record SourceCatalogue(String version, List<IngestProperties.Source> sources) {

    static SourceCatalogue load(Resource resource, Validator validator) {
        Binder binder;
        try {
            binder = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("catalogue", resource)));
        } catch (IOException e) {
            throw new UncheckedIOException("source catalogue " + resource + " cannot be read", e);
        }
        String version = binder.bind("version", String.class)
                .orElseThrow(() -> new IllegalStateException("source catalogue " + resource + " has no version"));
        List<IngestProperties.Source> sources;
        try {
            sources = binder.bind("sources", Bindable.listOf(IngestProperties.Source.class)).orElse(List.of());
        } catch (BindException e) {
            throw new IllegalStateException("source catalogue " + resource + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
        }
        Set<String> ids = new HashSet<>();
        for (IngestProperties.Source source : sources) {
            if (!ids.add(source.id())) {
                throw new IllegalStateException("source catalogue " + resource + ": id '" + source.id() + "' is used twice");
            }
            Set<ConstraintViolation<IngestProperties.Source>> violations = validator.validate(source);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("source catalogue " + resource + ", entry '" + source.id() + "': "
                        + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                        .collect(Collectors.joining("; ")));
            }
        }
        return new SourceCatalogue(version, List.copyOf(sources));
    }

    /**
     * The sources to run: every configured source, then the catalogue's entries that are neither
     * disabled nor replaced by a configured source with the same id.
     */
    List<IngestProperties.Source> mergedWith(List<IngestProperties.Source> configured, Set<String> disabled) {
        Map<String, IngestProperties.Source> merged = new LinkedHashMap<>();
        configured.forEach(source -> merged.put(source.id(), source));
        sources.stream().filter(entry -> !disabled.contains(entry.id()))
                .forEach(entry -> merged.putIfAbsent(entry.id(), entry));
        return new ArrayList<>(merged.values());
    }
}
