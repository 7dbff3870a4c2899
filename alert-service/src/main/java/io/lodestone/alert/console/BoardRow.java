package io.lodestone.alert.console;

import io.lodestone.events.Contributor;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One element on the board. An element this service has not yet seen a risk change for is listed
 * without a level rather than left out, so the board always shows every tracked element.
 *
 * @param trend     score change over the seven days before the latest change, or null without history
 * @param sparkline SVG polyline points of the score over those seven days ("" when fewer than two)
 * @param headline  the top contributor's title, or null
 * @param link      the top contributor's link, or null
 */
public record BoardRow(Element element, BoardSection section, RiskLevel level, Double score, Double trend,
                String sparkline, Instant asOf, String headline, String link) {

    static BoardRow of(Element element, ElementRiskChanged risk, Double trend, String sparkline) {
        if (risk == null) {
            return new BoardRow(element, BoardSection.of(element), null, null, null, "", null, null, null);
        }
        List<Contributor> contributors = risk.contributors();
        Contributor top = contributors.isEmpty() ? null : contributors.get(0);
        return new BoardRow(element, BoardSection.of(element), risk.level(), risk.score(), trend, sparkline,
                risk.asOf(), top == null ? null : top.title(), top == null ? null : top.url());
    }

    public String symbol() {
        return element.symbol();
    }

    /** The CSS class that colours the level; the level is always written out too. */
    public String levelClass() {
        return level == null ? "level-none" : "level-" + level.name().toLowerCase(Locale.ROOT);
    }

    /** When the latest change happened, in UTC, to the minute. */
    public String asOfText() {
        return asOf == null ? "" : Times.utc(asOf);
    }

    /** Up or down arrow and the points moved, e.g. "▲ 12.5". */
    public String trendText() {
        if (trend == null) {
            return "–";
        }
        if (Math.abs(trend) < 0.05) {
            return "→ 0";
        }
        return (trend > 0 ? "▲ +" : "▼ ") + String.format(Locale.ROOT, "%.1f", trend);
    }

    boolean matches(String query, RiskLevel minLevel, BoardSection onlySection) {
        if (onlySection != null && section != onlySection) {
            return false;
        }
        if (minLevel != null && (level == null || !level.isAtLeast(minLevel))) {
            return false;
        }
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return element.symbol().toLowerCase(Locale.ROOT).equals(q) || element.name().contains(q)
                || (headline != null && headline.toLowerCase(Locale.ROOT).contains(q));
    }
}
