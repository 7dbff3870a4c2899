package io.lodestone.alert.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What an alerted element touches in the subscription's bill of materials: its kilograms per
 * year (typical, and the range where the composition sources disagree) and the parts behind
 * them, largest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BomExposure(UUID bomId, String bomName, double kgPerYear, double kgPerYearMin, double kgPerYearMax,
                         List<PartShare> parts) {

    /** One part's kilograms per year of the element. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartShare(String partNumber, String description, double kgPerYear) {
    }

    public BomExposure {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** How many parts a message lists before saying how many more there are. */
    public static final int PARTS_SHOWN = 10;

    /** The parts a message lists. */
    public List<PartShare> shownParts() {
        return parts.subList(0, Math.min(parts.size(), PARTS_SHOWN));
    }

    /** How many parts a message leaves out. */
    public int moreParts() {
        return parts.size() - shownParts().size();
    }

    /** {@code 1,234 kg/yr} or {@code 12.5 kg/yr}: whole kilograms once they are many. */
    public static String kg(double kg) {
        if (kg == 0) {
            return "0 kg/yr";
        }
        return (kg >= 100 ? String.format(Locale.ROOT, "%,.0f", kg)
                : kg >= 1 ? String.format(Locale.ROOT, "%.1f", kg) : String.format(Locale.ROOT, "%.3f", kg)) + " kg/yr";
    }

    /** The total in words: {@code 1,234 kg/yr (1,100–1,400 kg/yr)}, without a range when it is exact. */
    public String total() {
        return kgPerYearMin == kgPerYearMax ? kg(kgPerYear)
                : kg(kgPerYear) + " (" + kg(kgPerYearMin).replace(" kg/yr", "") + "–" + kg(kgPerYearMax) + ")";
    }
}
