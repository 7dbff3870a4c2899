package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.ElementRiskRepository;
import io.lodestone.alert.lifecycle.ElementRiskRepository.RiskPoint;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every tracked element with its current risk and its trend. The trend covers the seven days
 * before the element's latest change, measured in event time ({@code asOf}), so a board fed by a
 * replay of past events shows the movement of those events, not a flat line.
 */
@Component
class RiskBoard {

    static final Duration TREND_WINDOW = Duration.ofDays(7);
    static final int SPARK_WIDTH = 80;
    static final int SPARK_HEIGHT = 20;

    private final ElementRiskRepository risks;

    RiskBoard(ElementRiskRepository risks) {
        this.risks = risks;
    }

    List<BoardRow> rows() {
        // the catalogue's elements only: rows are drawn for nothing else, and a table filled with others
        // (written before the consumer refused them) must not be read into memory
        Map<String, ElementRiskChanged> latest = risks.latest(Elements.all().stream().map(Element::symbol).toList()).stream()
                .collect(Collectors.toMap(ElementRiskChanged::element, Function.identity()));
        return Elements.all().stream().map(element -> row(element, latest.get(element.symbol()))).toList();
    }

    BoardRow row(Element element) {
        return row(element, risks.latest(element.symbol()).orElse(null));
    }

    private BoardRow row(Element element, ElementRiskChanged risk) {
        if (risk == null) {
            return BoardRow.of(element, null, null, "");
        }
        Instant from = risk.asOf().minus(TREND_WINDOW);
        List<RiskPoint> window = risks.history(element.symbol(), from);
        Double before = risks.scoreAt(element.symbol(), from).orElse(null);
        return BoardRow.of(element, risk, trend(risk.score(), before, window), sparkline(window, before, from, risk.asOf()));
    }

    /**
     * The score now less the score when the window opened: the last one before it, else the first
     * within it. Null when the element has no earlier score at all (a single change is no trend).
     */
    static Double trend(double now, Double before, List<RiskPoint> window) {
        if (before != null) {
            return now - before;
        }
        return window.size() < 2 ? null : now - window.get(0).score();
    }

    /** The score over the window as SVG points, 0–100 mapped to the sparkline's height. */
    static String sparkline(List<RiskPoint> window, Double before, Instant from, Instant to) {
        StringBuilder points = new StringBuilder();
        double span = Math.max(1, Duration.between(from, to).toSeconds());
        if (before != null) {
            points.append(point(0, before));
        }
        for (RiskPoint p : window) {
            double x = SPARK_WIDTH * Duration.between(from, p.asOf()).toSeconds() / span;
            points.append(point(x, p.score()));
        }
        long count = points.chars().filter(c -> c == ' ').count();
        return count < 2 ? "" : points.toString().strip();
    }

    private static String point(double x, double score) {
        double y = SPARK_HEIGHT - SPARK_HEIGHT * score / 100;
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }
}
