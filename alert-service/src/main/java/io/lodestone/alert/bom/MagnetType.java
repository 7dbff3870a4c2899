package io.lodestone.alert.bom;

import java.util.Locale;
import java.util.Optional;

/** The permanent-magnet families the composition table knows. */
public enum MagnetType {
    /** Sintered neodymium-iron-boron, graded by energy product and coercivity class (N42SH). */
    NDFEB("NdFeB"),
    /** Samarium-cobalt, as SmCo5 ("1:5") or Sm2(Co,Fe,Cu,Zr)17 ("2:17"). */
    SMCO("SmCo");

    private final String label;

    MagnetType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads {@code NdFeB}, {@code NDFEB}, {@code Nd-Fe-B}, {@code SmCo}, {@code Sm-Co} in any case. */
    static Optional<MagnetType> parse(String text) {
        String flat = text.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        for (MagnetType type : values()) {
            if (type.name().equals(flat)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
