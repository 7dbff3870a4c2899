package io.lodestone.scoring.backtest;

import io.lodestone.events.RiskLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained SVG line chart of backtest scores: one line per element over the level bands,
 * so a buyer sees at a glance when an element crossed into HIGH. No library, stable output.
 */
final class TimelineSvg {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 110;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final String[] LINE_COLOURS = {"#c0392b", "#8e44ad", "#2471a3", "#1e8449", "#b9770e", "#566573"};
    private static final Map<RiskLevel, String> BAND_COLOURS = Map.of(
            RiskLevel.LOW, "#eafaf1", RiskLevel.GUARDED, "#eaf2f8", RiskLevel.ELEVATED, "#fef9e7",
            RiskLevel.HIGH, "#fdebd0", RiskLevel.SEVERE, "#fadbd8");

    private TimelineSvg() {
    }

    static String render(List<TimelineRow> rows, List<String> elements) {
        List<String> dates = rows.stream().map(TimelineRow::date).distinct().toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        dates.forEach(date -> index.put(date, index.size()));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (RiskLevel level : RiskLevel.values()) {
            double top = level.ordinal() == RiskLevel.values().length - 1 ? 100 : RiskLevel.values()[level.ordinal() + 1].lowerBound();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>%n",
                    LEFT, y(top), plotWidth(), y(level.lowerBound()) - y(top), BAND_COLOURS.get(level)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y((level.lowerBound() + top) / 2) + 4, level));
        }
        for (int i = 0; i < dates.size(); i++) {
            String date = dates.get(i);
            boolean yearStart = date.length() >= 10 && date.substring(5, 10).equals("01-01");
            if (yearStart || i == 0) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#aaa\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        x(i, dates.size()), TOP, x(i, dates.size()), HEIGHT - BOTTOM, x(i, dates.size()), HEIGHT - BOTTOM + 16,
                        date.length() >= 7 ? date.substring(0, 7) : date));
            }
        }
        for (int e = 0; e < elements.size(); e++) {
            String element = elements.get(e);
            String colour = LINE_COLOURS[e % LINE_COLOURS.length];
            List<String> points = new ArrayList<>();
            double last = 0;
            for (TimelineRow row : rows) {
                if (row.element().equals(element)) {
                    points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(index.get(row.date()), dates.size()), y(row.score())));
                    last = row.score();
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n",
                    colour, String.join(" ", points)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>%n",
                    WIDTH - RIGHT + 8, y(last) + 4 + 13 * e - 13 * (elements.size() - 1) / 2.0, colour, element));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double x(int index, int count) {
        return LEFT + (count <= 1 ? 0 : (double) index / (count - 1) * plotWidth());
    }

    private static double y(double score) {
        return TOP + (100 - score) / 100 * (HEIGHT - TOP - BOTTOM);
    }
}
