package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.ElementRiskRepository;
import io.lodestone.alert.lifecycle.ElementRiskRepository.RiskPoint;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the element page shows: the score history as the chart draws it (every change this service
 * acted on, the level bands, and a marker at the time of each event that contributed to any of
 * those changes) and the current contributors with their evidence.
 */
@Component
class ElementPage {

    /** The most changes one chart draws; older ones are left out. */
    static final int MAX_POINTS = 2000;
    /** The most event markers one chart draws, and how much of each event's title its label shows. */
    static final int MAX_MARKERS = 500;
    static final int MARKER_TITLE = 300;

    /** The chart's input, serialised into the page for the script that draws it. */
    record Chart(List<Object[]> points, List<Marker> markers, List<Band> bands, double baseline) {
    }

    /** An event that contributed, at its event time. */
    record Marker(Instant at, String title, double contribution) {
    }

    /** One level's score band. */
    record Band(String level, double from, double to) {
    }

    private final ElementRiskRepository risks;
    private final JsonMapper json;

    ElementPage(ElementRiskRepository risks, JsonMapper json) {
        this.risks = risks;
        this.json = json;
    }

    /** The chart's data as JSON, for the page's {@code data-chart} attribute. */
    String chartJson(Element element, ElementRiskChanged latest) {
        List<Object[]> points = new ArrayList<>();
        for (RiskPoint point : risks.latestPoints(element.symbol(), MAX_POINTS)) {
            points.add(new Object[] {point.asOf().toString(), point.score(), point.level().name()});
        }
        List<Marker> markers = risks.contributingEvents(element.symbol(), MAX_POINTS, MAX_MARKERS, MARKER_TITLE).stream()
                .map(event -> new Marker(event.publishedAt(), event.title(), event.contribution())).toList();
        List<Band> bands = new ArrayList<>();
        RiskLevel[] levels = RiskLevel.values();
        for (int i = 0; i < levels.length; i++) {
            double to = i + 1 < levels.length ? levels[i + 1].lowerBound() : 100;
            bands.add(new Band(levels[i].name().toLowerCase(Locale.ROOT), levels[i].lowerBound(), to));
        }
        double baseline = latest == null ? 0 : latest.baseline();
        return json.writeValueAsString(new Chart(points, markers, bands, baseline));
    }
}
