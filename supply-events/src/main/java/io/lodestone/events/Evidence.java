package io.lodestone.events;

import java.util.List;
import java.util.Objects;

/**
 * A quoted sentence of an item and what it justifies.
 *
 * @param field    where the quote comes from: {@code title} or {@code text}
 * @param start    offset of the first character of the quote in that field (UTF-16 code units)
 * @param end      offset just past the last character of the quote
 * @param quote    the sentence itself, exactly as it appears in the field
 * @param supports what the sentence justifies: element symbols ({@code Dy}), group names
 *                 ({@code HREE}) and event-type names ({@code EXPORT_RESTRICTION})
 */
public record Evidence(String field, int start, int end, String quote, List<String> supports) {

    public Evidence {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(quote, "quote");
        Bounds.text("evidence quote", quote, Bounds.TEXT);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("evidence offsets out of order: " + start + ".." + end);
        }
        supports = supports == null ? List.of() : List.copyOf(Bounds.list("evidence supports", supports, Bounds.NAMES));
    }
}
