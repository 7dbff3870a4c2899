package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.ElementRiskRepository;
import io.lodestone.events.Contributor;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<ElementRiskChanged> changes = risks.changes(element.symbol(), Instant.EPOCH, MAX_POINTS);
        List<Object[]> points = new ArrayList<>();
        Map<String, Marker> markers = new LinkedHashMap<>();
        for (ElementRiskChanged change : changes) {
            points.add(new Object[] {change.asOf().toString(), change.score(), change.level().name()});
            for (Contributor contributor : change.contributors()) {
                if (contributor.publishedAt() != null) {
                    markers.putIfAbsent(contributor.eventId(), new Marker(contributor.publishedAt(),
                            contributor.title(), contributor.contribution()));
                }
            }
        }
        List<Band> bands = new ArrayList<>();
        RiskLevel[] levels = RiskLevel.values();
        for (int i = 0; i < levels.length; i++) {
            double to = i + 1 < levels.length ? levels[i + 1].lowerBound() : 100;
            bands.add(new Band(levels[i].name().toLowerCase(Locale.ROOT), levels[i].lowerBound(), to));
        }
        double baseline = latest == null ? 0 : latest.baseline();
        return json.writeValueAsString(new Chart(points, List.copyOf(markers.values()), bands, baseline));
    }
}
