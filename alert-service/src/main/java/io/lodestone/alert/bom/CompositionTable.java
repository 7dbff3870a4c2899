package io.lodestone.alert.bom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a magnet grade into element mass fractions, from the versioned, sourced table in
 * {@code bom/magnet-composition.json}: per grade the min, typical and max percent by mass of each
 * element and the sources behind them. Loaded and checked once: every grade's sources must be
 * listed, every range ordered, and the typical shares must add up to at most 100 %.
 */
public final class CompositionTable {

    static final String RESOURCE = "/bom/magnet-composition.json";

    /** A public source the table draws on, cited by title and address. */
    public record Source(String id, String title, String url, String note) {
    }

    /** One grade's row: the element shares of magnets of that type, class and diffusion. */
    public record Grade(MagnetType magnet, String coercivityClass, String diffusion, List<String> sources,
                        Map<String, List<Double>> percentByMass) {
    }

    record Document(String version, String unit, String about, List<Source> sources, List<Grade> grades) {
    }

    private final Document document;
    private final Map<String, Map<String, Range>> fractions = new LinkedHashMap<>();

    private CompositionTable(Document document) {
        this.document = document;
        Set<String> known = document.sources().stream().map(Source::id).collect(Collectors.toSet());
        for (Grade grade : document.grades()) {
            String key = key(grade.magnet(), grade.coercivityClass(), grade.diffusion());
            if (!known.containsAll(grade.sources()) || grade.sources().isEmpty()) {
                throw new IllegalStateException("composition row " + key + " cites unknown or no sources " + grade.sources());
            }
            Map<String, Range> shares = new LinkedHashMap<>();
            grade.percentByMass().forEach((element, p) -> shares.put(element,
                    new Range(p.get(0) / 100, p.get(1) / 100, p.get(2) / 100)));
            double typical = shares.values().stream().mapToDouble(Range::typical).sum();
            if (typical > 1.0 + 1e-9) {
                throw new IllegalStateException("composition row " + key + " adds up to " + typical * 100 + " %");
            }
            if (fractions.put(key, Map.copyOf(shares)) != null) {
                throw new IllegalStateException("composition row " + key + " appears twice");
            }
        }
    }

    /** The table shipped with the service. */
    public static CompositionTable bundled() {
        try (InputStream in = CompositionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new CompositionTable(JsonMapper.builder().build().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return document.version();
    }

    public List<Source> sources() {
        return document.sources();
    }

    public List<Grade> grades() {
        return document.grades();
    }

    /** Mass fraction (0–1) of each element in a magnet of this grade, or empty if the table lacks the grade. */
    public Optional<Map<String, Range>> fractions(MagnetGrade grade) {
        return Optional.ofNullable(fractions.get(key(grade.type(), grade.coercivityClass(), grade.diffusion())));
    }

    private static String key(MagnetType type, String coercivityClass, String diffusion) {
        return type + "/" + coercivityClass + "/" + diffusion;
    }
}
