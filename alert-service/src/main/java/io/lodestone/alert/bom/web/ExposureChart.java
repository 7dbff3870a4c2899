package io.lodestone.alert.bom.web;

import io.lodestone.alert.notify.BomExposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bars of the kg/yr-per-element chart on a BOM's page, drawn as server-side SVG (no script).
 * Kilograms per year span five orders of magnitude in one BOM (tonnes of neodymium, grams of
 * gallium), so bar lengths are logarithmic; every bar carries its number, and its colour and word
 * say the element's level.
 */
record ExposureChart(List<Bar> bars, int height) {

    /** The drawing's units: a 600-wide view box, one 24-high row per element, labels left and right of the bars. */
    static final int WIDTH = 600;
    static final int ROW = 24;
    static final double BAR_START = 40;
    static final double BAR_SPAN = 340;

    /**
     * @param width    the typical value's bar length, in view-box units
     * @param minAt    where the range's low end falls, in view-box units
     * @param maxAt    where the range's high end falls, in view-box units
     */
    record Bar(String element, String label, String levelClass, String levelWord, int y, double width, double minAt,
               double maxAt, boolean exact) {

        public double x() {
            return BAR_START;
        }

        /** The fill: the level's colour, grey without a level. */
        public String style() {
            return "fill: var(--" + ("none".equals(levelClass) ? "muted" : levelClass) + ")";
        }
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height;
    }

    static ExposureChart of(ExposureView exposure) {
        double top = exposure.elements().stream().mapToDouble(ExposureView.ElementView::kgPerYearMax).max().orElse(1);
        List<ExposureView.ElementView> elements = exposure.elements();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            ExposureView.ElementView e = elements.get(i);
            String word = e.level() == null ? (e.tracked() ? "no data yet" : "not scored") : e.level().name();
            bars.add(new Bar(e.element(), BomExposure.kg(e.kgPerYear()),
                    e.level() == null ? "none" : e.level().name().toLowerCase(Locale.ROOT), word, i * ROW,
                    scale(e.kgPerYear(), top), BAR_START + scale(e.kgPerYearMin(), top),
                    BAR_START + scale(e.kgPerYearMax(), top), e.kgPerYearMin() == e.kgPerYearMax()));
        }
        return new ExposureChart(bars, Math.max(1, elements.size()) * ROW);
    }

    /** Bar length for a quantity, log scale from 1 g/yr to the largest value; never shorter than a sliver. */
    static double scale(double kg, double top) {
        double floor = Math.log10(0.001);
        double span = Math.log10(Math.max(top, 0.01)) - floor;
        double at = (Math.log10(Math.max(kg, 0.001)) - floor) / span;
        return Math.round(Math.max(0.01, Math.min(1, at)) * BAR_SPAN * 10) / 10.0;
    }
}
