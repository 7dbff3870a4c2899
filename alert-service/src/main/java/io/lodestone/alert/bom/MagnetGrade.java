package io.lodestone.alert.bom;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A magnet grade as the composition table keys it. NdFeB grades are {@code N} + energy product
 * (30–56 MGOe) + coercivity class ({@code M}, {@code H}, {@code SH}, {@code UH}, {@code EH},
 * {@code AH}, or none), optionally {@code -GBD} (grain-boundary diffused with terbium) or
 * {@code -GBD-Dy} (with dysprosium): {@code N42SH}, {@code N48UH-GBD}. SmCo grades are
 * {@code 1:5} or {@code 2:17} (also written {@code SmCo5}, {@code Sm2Co17}). The energy product
 * does not change the element shares the table gives.
 *
 * @param coercivityClass for NdFeB the class suffix ({@code NONE} for plain N grades); for SmCo {@code 1:5} or {@code 2:17}
 * @param diffusion       {@code NONE}, {@code TB} or {@code DY}
 * @param label           the grade as written, normalised (N42SH-GBD)
 */
public record MagnetGrade(MagnetType type, String coercivityClass, String diffusion, String label) {

    private static final Pattern NDFEB = Pattern.compile("N(\\d{2})(M|H|SH|UH|EH|AH)?(-GBD(?:-(DY|TB))?)?");
    private static final int MIN_ENERGY_PRODUCT = 30;
    private static final int MAX_ENERGY_PRODUCT = 56;

    /** The grade, or why it cannot be read. */
    static Result parse(MagnetType type, String text) {
        String flat = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace('_', '-');
        if (type == MagnetType.SMCO) {
            String family = switch (flat) {
                case "1:5", "SMCO5", "RECO5" -> "1:5";
                case "2:17", "SM2CO17", "RE2CO17", "SM2TM17" -> "2:17";
                default -> null;
            };
            return family == null ? Result.problem("is not a SmCo grade: write 1:5 or 2:17")
                    : Result.of(new MagnetGrade(type, family, "NONE", family));
        }
        Matcher m = NDFEB.matcher(flat);
        if (!m.matches()) {
            return Result.problem("is not an NdFeB grade such as N42, N42SH, N38UH or N48SH-GBD");
        }
        int energy = Integer.parseInt(m.group(1));
        if (energy < MIN_ENERGY_PRODUCT || energy > MAX_ENERGY_PRODUCT) {
            return Result.problem("has an energy product of " + energy + "; NdFeB grades run from N"
                    + MIN_ENERGY_PRODUCT + " to N" + MAX_ENERGY_PRODUCT);
        }
        String cls = m.group(2) == null ? "NONE" : m.group(2);
        String diffusion = m.group(3) == null ? "NONE" : m.group(4) == null ? "TB" : m.group(4);
        if (!"NONE".equals(diffusion) && ("NONE".equals(cls) || "M".equals(cls))) {
            return Result.problem("is grain-boundary diffused but has no high-coercivity class (H, SH, UH, EH or AH)");
        }
        String label = "N" + m.group(1) + (m.group(2) == null ? "" : cls)
                + ("NONE".equals(diffusion) ? "" : "TB".equals(diffusion) ? "-GBD" : "-GBD-Dy");
        return Result.of(new MagnetGrade(type, cls, diffusion, label));
    }

    /** A parsed grade or the problem with the text. */
    record Result(MagnetGrade grade, String problem) {
        static Result of(MagnetGrade grade) {
            return new Result(grade, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }

        Optional<MagnetGrade> value() {
            return Optional.ofNullable(grade);
        }
    }
}
