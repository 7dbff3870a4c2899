package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.service.api.InvalidRequestException;
import io.lodestone.service.api.LimitReachedException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The sources in force: the configured ones (and the catalogue's), each switched on or off as an
 * operator last said, followed by the sources operators added, in the order they were added.
 * A change is recorded in the {@link SourceOverrideLog} first and applied here after, and every
 * record read back from the log is applied again, so each replica ends with the same sources.
 * A configured source can be switched, not deleted (it would come back at the next start); an
 * added source can be switched and deleted. An added source never shadows a configured one.
 */
@Component
public class RuntimeSources {

    private static final Logger log = LoggerFactory.getLogger(RuntimeSources.class);
    /** Source names of pushed and imported items, which no polled source may take. */
    private static final Set<String> RESERVED = Set.of("push", "import");

    private record Added(IngestProperties.Source source, JsonNode definition) {
    }

    private final List<IngestProperties.Source> configured;
    private final int maxAdded;
    private final SourceOverrideLog changes;
    private final Validator validator;
    private final Map<String, Boolean> switched = new HashMap<>();
    private final Map<String, Added> added = new LinkedHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    RuntimeSources(ConfiguredSources configured, SourceOverrideLog changes, Validator validator) {
        this.configured = configured.all();
        this.maxAdded = configured.maxAdded();
        this.changes = changes;
        this.validator = validator;
    }

    /** Every source, polled or not: configured ones first, then added ones. */
    public synchronized List<IngestProperties.Source> all() {
        List<IngestProperties.Source> all = new ArrayList<>();
        for (IngestProperties.Source source : configured) {
            Boolean enabled = switched.get(source.id());
            all.add(enabled == null ? source : source.withEnabled(enabled));
        }
        added.values().forEach(entry -> all.add(entry.source()));
        return all;
    }

    /** Whether a source of this id exists, configured or added: a look-up for every item, without copying the list. */
    public synchronized boolean has(String id) {
        return added.containsKey(id) || isConfigured(id);
    }

    /** Whether the operator configured this source (or it is the catalogue's), as opposed to one added through the API. */
    boolean isConfigured(String id) {
        return configured.stream().anyMatch(source -> source.id().equals(id));
    }

    public Optional<IngestProperties.Source> byId(String id) {
        return all().stream().filter(source -> source.id().equals(id)).findFirst();
    }

    /** True once the changes made before this start are known, so polling may begin. */
    boolean restored() {
        return changes.restored();
    }

    /** Calls {@code listener} with a source's id whenever that source changes. */
    void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Switches a source on or off; an unknown id is {@link SourceChangeRefused.Reason#UNKNOWN}. */
    public IngestProperties.Source setEnabled(String id, boolean enabled) {
        IngestProperties.Source source = byId(id).orElseThrow(() -> unknown(id));
        Added entry = addedEntry(id);
        record(id, entry == null ? SourceOverride.switched(enabled) : SourceOverride.added(entry.definition(), enabled));
        return source.withEnabled(enabled);
    }

    /**
     * Adds a source defined as configuration would define it.
     *
     * @throws InvalidRequestException naming the fields at fault
     * @throws SourceChangeRefused     {@link SourceChangeRefused.Reason#CONFLICT} when the id is taken
     * @throws LimitReachedException    when {@code lodestone.ingest.max-added-sources} are added already
     *                                  (as this replica knows them: replicas adding at the same moment may
     *                                  pass it by one each)
     */
    public IngestProperties.Source add(JsonNode definition) {
        IngestProperties.Source source = SourceDefinitions.read(definition, validator);
        if (RESERVED.contains(source.id()) || byId(source.id()).isPresent()) {
            throw new SourceChangeRefused(SourceChangeRefused.Reason.CONFLICT,
                    "There is already a source '" + source.id() + "'" + (RESERVED.contains(source.id())
                            ? " (it names pushed or imported items)." : "; choose another id or change that one."));
        }
        if (addedCount() >= maxAdded) {
            throw new LimitReachedException("sources added through the API", maxAdded, "lodestone.ingest.max-added-sources");
        }
        record(source.id(), SourceOverride.added(definition, source.enabled()));
        return source;
    }

    /** Deletes a source added through the API; configured sources can only be switched off. */
    public void remove(String id) {
        byId(id).orElseThrow(() -> unknown(id));
        if (addedEntry(id) == null) {
            throw new SourceChangeRefused(SourceChangeRefused.Reason.CONFLICT, "Source '" + id
                    + "' is configured, not added through the API, so it cannot be deleted; disable it instead.");
        }
        record(id, SourceOverride.deleted());
    }

    private void record(String id, SourceOverride change) {
        changes.write(id, change);
        apply(id, change);
    }

    /** Applies a change, whoever made it; records are applied in topic order, so the last one wins. */
    void apply(String id, SourceOverride change) {
        synchronized (this) {
            if (change.removed()) {
                added.remove(id);
                switched.remove(id);
            } else if (change.definition() != null) {
                if (configured.stream().anyMatch(source -> source.id().equals(id))) {
                    log.warn("source {}: an added source with this id is ignored, a configured one has it", id);
                    return;
                }
                try {
                    IngestProperties.Source source = SourceDefinitions.read(change.definition(), validator);
                    added.put(id, new Added(source.withEnabled(change.enabled()), change.definition()));
                } catch (InvalidRequestException e) {
                    log.warn("source {}: an added source no longer passes validation and is left out: {}", id,
                            e.fieldErrors());
                    return;
                }
            } else {
                switched.put(id, change.enabled());
            }
        }
        listeners.forEach(listener -> listener.accept(id));
    }

    private synchronized int addedCount() {
        return added.size();
    }

    private synchronized Added addedEntry(String id) {
        return added.get(id);
    }

    private static SourceChangeRefused unknown(String id) {
        return new SourceChangeRefused(SourceChangeRefused.Reason.UNKNOWN, "There is no source '" + id + "'.");
    }
}
