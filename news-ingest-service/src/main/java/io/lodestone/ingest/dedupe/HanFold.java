package io.lodestone.ingest.dedupe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds traditional Han characters to simplified ones, so that the same story told in Hong Kong
 * and in Beijing shares its character bigrams. The table ({@code dedupe/han-fold.tsv}) covers the
 * characters supply news uses; anything else is left as it is.
 */
final class HanFold {

    static final String TABLE = "dedupe/han-fold.tsv";
    private static final Map<Integer, Integer> SIMPLIFIED = load();

    private HanFold() {
    }

    static int fold(int codePoint) {
        Integer simplified = SIMPLIFIED.get(codePoint);
        return simplified == null ? codePoint : simplified;
    }

    /** The text with every traditional character it knows folded to simplified. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(fold(cp)));
        return folded.toString();
    }

    private static Map<Integer, Integer> load() {
        Map<Integer, Integer> table = new HashMap<>();
        try (InputStream in = HanFold.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + TABLE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                int[] traditional = columns[0].codePoints().toArray();
                int[] simplified = columns[1].codePoints().toArray();
                if (traditional.length != simplified.length) {
                    throw new IllegalStateException(TABLE + ": columns differ in length: " + line);
                }
                for (int i = 0; i < traditional.length; i++) {
                    table.put(traditional[i], simplified[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
