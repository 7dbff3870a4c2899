package io.lodestone.alert.bom;

import java.util.Optional;

/** The documented columns of a bill of materials, with their names in CSV headers and JSON parts. */
public enum Column {
    PART_NUMBER("part_number", "partNumber"),
    DESCRIPTION("description", "description"),
    ANNUAL_VOLUME("annual_volume", "annualVolume"),
    MAGNET_TYPE("magnet_type", "magnetType"),
    MAGNET_GRADE("magnet_grade", "magnetGrade"),
    MAGNET_MASS_G("magnet_mass_g", "magnetMassG"),
    ELEMENT_CONTENT_G("element_content_g", "elementContentG");

    private final String csv;
    private final String json;

    Column(String csv, String json) {
        this.csv = csv;
        this.json = json;
    }

    public String nameIn(BomFormat format) {
        return format == BomFormat.CSV ? csv : json;
    }

    static Optional<Column> named(String name, BomFormat format) {
        for (Column column : values()) {
            if (column.nameIn(format).equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
