package io.lodestone.alert.bom;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.Caps;
import io.lodestone.alert.StoredText;
import io.lodestone.service.api.LimitReachedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bills of materials as the rest of the service uses them: upload (checked whole, stored in one
 * transaction), read, delete, and the exposure of one BOM under the bundled composition table.
 */
@Service
public class Boms {

    private static final Logger log = LoggerFactory.getLogger(Boms.class);
    static final int MAX_NAME = 200;

    /** A BOM without its parts, as lists show it. */
    public record Summary(UUID id, String name, BomFormat format, Instant createdAt, int parts) {
    }

    private final BomRepository repository;
    private final BomParser parser;
    private final ExposureCalculator calculator;
    private final CompositionTable table;
    private final Clock clock;
    private final Caps caps;
    private final int maxBoms;

    Boms(BomRepository repository, JsonMapper json, Clock clock, Caps caps, AlertProperties properties) {
        this.repository = repository;
        this.table = CompositionTable.bundled();
        this.parser = new BomParser(json, table);
        this.calculator = new ExposureCalculator(table);
        this.clock = clock;
        this.caps = caps;
        this.maxBoms = properties.limits().maxBoms();
    }

    /**
     * @param name the BOM's name; for JSON the document's own {@code name} is used when this is blank
     * @throws InvalidBomException naming every bad cell; nothing is stored then
     * @throws LimitReachedException when {@code lodestone.alert.limits.max-boms} are stored already
     */
    @Transactional
    public Bom upload(String name, BomFormat format, String text) {
        BomParser.Parsed parsed;
        String chosen = name == null || name.isBlank() ? null : name.strip();
        try {
            parsed = parser.parse(format, text);
        } catch (InvalidBomException e) {
            if (chosen == null && format == BomFormat.CSV) {
                throw new InvalidBomException(withNameMissing(e.errors()));
            }
            throw e;
        }
        if (chosen == null && parsed.name() != null && !parsed.name().isBlank()) {
            chosen = parsed.name().strip();
        }
        if (chosen == null || chosen.length() > MAX_NAME || StoredText.lineProblem(chosen).isPresent()) {
            throw new InvalidBomException(withNameMissing(List.of()));
        }
        caps.requireRoom("bills of materials", maxBoms, "lodestone.alert.limits.max-boms", "select count(*) from bom");
        Bom bom = new Bom(UUID.randomUUID(), chosen, format, clock.instant(), parsed.parts());
        repository.insert(bom);
        log.info("Stored bill of materials {} '{}' with {} parts", bom.id(), bom.name(), bom.parts().size());
        return bom;
    }

    private static List<RowError> withNameMissing(List<RowError> errors) {
        List<RowError> all = new ArrayList<>();
        all.add(new RowError(0, "name", "must be 1 to " + MAX_NAME + " characters on one line"));
        all.addAll(errors);
        return all;
    }

    public Optional<Bom> find(UUID id) {
        return repository.find(id);
    }

    public List<Summary> list() {
        return repository.findAll();
    }

    public Deletion delete(UUID id) {
        return repository.delete(id);
    }

    public Exposure exposure(Bom bom) {
        return calculator.exposure(bom.parts());
    }

    public Optional<Exposure> exposure(UUID id) {
        return find(id).map(this::exposure);
    }

    public CompositionTable compositionTable() {
        return table;
    }
}
