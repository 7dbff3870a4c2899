package io.lodestone.alert.bom;

import java.util.Map;

/**
 * One line of a bill of materials, checked: either a magnet (grade and mass per unit) or the
 * element content per unit the buyer states.
 *
 * @param line           where the part was in the uploaded file (1-based), for messages
 * @param annualVolume   units built per year
 * @param magnet         the magnet in one unit, or null
 * @param elementsGrams  grams of each element in one unit, or null when a magnet is given
 */
public record Part(int line, String partNumber, String description, long annualVolume, Magnet magnet,
                   Map<String, Double> elementsGrams) {

    /** A magnet of a grade and its mass in one unit of the part. */
    public record Magnet(MagnetGrade grade, double massGrams) {
    }

    public Part {
        elementsGrams = elementsGrams == null ? null : Map.copyOf(elementsGrams);
    }
}
