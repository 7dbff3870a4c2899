package io.lodestone.events;

/**
 * Names for sets of elements. The geochemical groups ({@code REE}, {@code LREE}, {@code HREE}) are
 * what news means by "rare earths" or "heavy rare earths"; the product groups name the elements a
 * magnet family depends on, for buyers who think in products rather than elements.
 */
public enum ElementGroup {
    /** All seventeen rare-earth elements: the lanthanides plus scandium and yttrium. */
    REE(Kind.GEOCHEMICAL),
    /** Light rare earths, lanthanum to samarium. */
    LREE(Kind.GEOCHEMICAL),
    /** Heavy (including "medium") rare earths, europium to lutetium, and yttrium. */
    HREE(Kind.GEOCHEMICAL),
    /** What NdFeB permanent magnets depend on: Nd, Pr, Dy, Tb. */
    NDFEB_MAGNET(Kind.PRODUCT),
    /** What samarium-cobalt magnets depend on: Sm, Co. */
    SMCO_MAGNET(Kind.PRODUCT);

    /** Whether a group is a family of elements or the bill of materials of a product. */
    public enum Kind {
        GEOCHEMICAL,
        PRODUCT
    }

    private final Kind kind;

    ElementGroup(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
