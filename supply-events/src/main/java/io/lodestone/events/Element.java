package io.lodestone.events;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One tracked element.
 *
 * @param symbol     the chemical symbol, the key of every per-element topic ({@code Dy}); graphite uses {@code C}
 * @param name       English name, lower case ({@code dysprosium}, {@code graphite})
 * @param nameZhHans simplified Chinese name ({@code 镝})
 * @param nameZhHant traditional Chinese name ({@code 鏑})
 * @param groups     the groups the element belongs to, geochemical and product
 * @param uses       the main uses that make it matter to a buyer
 */
public record Element(String symbol, String name, String nameZhHans, String nameZhHant,
                      Set<ElementGroup> groups, List<String> uses) {

    public Element {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
        uses = List.copyOf(uses);
    }

    public boolean isRareEarth() {
        return groups.contains(ElementGroup.REE);
    }

    public boolean belongsTo(ElementGroup group) {
        return groups.contains(group);
    }
}
