package io.lodestone.scoring.model;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baselines of every tracked element, from the versioned supply-concentration data file. In the
 * spirit of the EU criticality method, concentration is a Herfindahl–Hirschman index (sum of
 * squared country shares), with processing weighted above mining because separation and refining
 * are the chokepoint: {@code baseline = 40 × (0.35 × HHI_mining + 0.65 × HHI_processing) × substitution}.
 * Structure alone therefore never goes past 40: HIGH and SEVERE need events.
 */
public final class Baselines {

    public static final double MAX_BASELINE = 40.0;
    static final double MINING_WEIGHT = 0.35;
    static final double PROCESSING_WEIGHT = 0.65;
    static final String DATA_FILE = "/io/lodestone/scoring/model/supply-concentration.v1.json";

    private final Map<String, Baseline> bySymbol;

    private Baselines(Map<String, Baseline> bySymbol) {
        this.bySymbol = Map.copyOf(bySymbol);
    }

    /** The baselines of the data file shipped with the service; every catalogue element must be in it. */
    public static Baselines load() {
        try (InputStream in = Baselines.class.getResourceAsStream(DATA_FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + DATA_FILE);
            }
            return from(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Baselines from(JsonNode document) {
        String version = document.path("version").asString();
        JsonNode elements = document.path("elements");
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        for (Element element : Elements.all()) {
            JsonNode entry = elements.path(element.symbol());
            if (entry.isMissingNode()) {
                throw new IllegalStateException("supply-concentration data has no entry for " + element.symbol());
            }
            double mining = hhi(entry.path("mining").path("shares"), element.symbol());
            double processing = hhi(entry.path("processing").path("shares"), element.symbol());
            double substitution = entry.path("substitution").path("factor").asDouble(1.0);
            double score = MAX_BASELINE * (MINING_WEIGHT * mining + PROCESSING_WEIGHT * processing) * substitution;
            baselines.put(element.symbol(), new Baseline(element.symbol(), score, mining, processing, substitution, version));
        }
        return new Baselines(baselines);
    }

    private static double hhi(JsonNode shares, String symbol) {
        double total = 0;
        double hhi = 0;
        for (Map.Entry<String, JsonNode> share : shares.properties()) {
            double value = share.getValue().asDouble();
            total += value;
            hhi += value * value;
        }
        if (total > 1.0001) {
            throw new IllegalStateException("shares of " + symbol + " add up to more than 1: " + total);
        }
        return hhi;
    }

    public Optional<Baseline> of(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The baseline score of a tracked element. */
    public double scoreOf(String symbol) {
        Baseline baseline = bySymbol.get(symbol);
        if (baseline == null) {
            throw new IllegalArgumentException("no baseline for " + symbol);
        }
        return baseline.score();
    }
}
