package io.lodestone.events;

import static io.lodestone.events.ElementGroup.HREE;
import static io.lodestone.events.ElementGroup.LREE;
import static io.lodestone.events.ElementGroup.NDFEB_MAGNET;
import static io.lodestone.events.ElementGroup.REE;
import static io.lodestone.events.ElementGroup.SMCO_MAGNET;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The element catalogue: the seventeen rare earths and the other critical minerals that the same
 * export policies reach. Europium is counted with the heavy group, as in China's "medium and
 * heavy" lists; scandium is a rare earth in neither the light nor the heavy group.
 */
public final class Elements {

    private static final Map<String, Element> BY_SYMBOL = index(
            // rare earths, in atomic-number order, then scandium and yttrium
            element("La", "lanthanum", "镧", "鑭", groups(REE, LREE), "catalysts", "NiMH batteries", "optical glass"),
            element("Ce", "cerium", "铈", "鈰", groups(REE, LREE), "glass polishing", "catalysts"),
            element("Pr", "praseodymium", "镨", "鐠", groups(REE, LREE, NDFEB_MAGNET), "NdFeB magnets (with Nd as NdPr)"),
            element("Nd", "neodymium", "钕", "釹", groups(REE, LREE, NDFEB_MAGNET), "NdFeB magnets"),
            element("Pm", "promethium", "钷", "鉕", groups(REE, LREE), "radioactive; negligible trade"),
            element("Sm", "samarium", "钐", "釤", groups(REE, LREE, SMCO_MAGNET), "SmCo magnets"),
            element("Eu", "europium", "铕", "銪", groups(REE, HREE), "phosphors"),
            element("Gd", "gadolinium", "钆", "釓", groups(REE, HREE), "MRI contrast agents", "magnet additive"),
            element("Tb", "terbium", "铽", "鋱", groups(REE, HREE, NDFEB_MAGNET), "NdFeB high-temperature coercivity", "phosphors"),
            element("Dy", "dysprosium", "镝", "鏑", groups(REE, HREE, NDFEB_MAGNET), "NdFeB high-temperature coercivity"),
            element("Ho", "holmium", "钬", "鈥", groups(REE, HREE), "magnets", "lasers"),
            element("Er", "erbium", "铒", "鉺", groups(REE, HREE), "fibre-optic amplifiers"),
            element("Tm", "thulium", "铥", "銩", groups(REE, HREE), "lasers"),
            element("Yb", "ytterbium", "镱", "鐿", groups(REE, HREE), "lasers"),
            element("Lu", "lutetium", "镥", "鎦", groups(REE, HREE), "PET detectors"),
            element("Y", "yttrium", "钇", "釔", groups(REE, HREE), "phosphors", "ceramics", "superalloys"),
            element("Sc", "scandium", "钪", "鈧", groups(REE), "aluminium-scandium alloys", "solid-oxide fuel cells"),
            // other critical minerals reached by the same export-control regimes
            element("Ga", "gallium", "镓", "鎵", groups(), "semiconductors (GaN, GaAs)"),
            element("Ge", "germanium", "锗", "鍺", groups(), "infrared optics", "fibre optics", "semiconductors"),
            element("Sb", "antimony", "锑", "銻", groups(), "flame retardants", "ammunition", "lead-acid batteries"),
            element("W", "tungsten", "钨", "鎢", groups(), "cemented carbides", "armour-piercing munitions"),
            element("Te", "tellurium", "碲", "碲", groups(), "CdTe solar cells", "thermoelectrics"),
            element("Bi", "bismuth", "铋", "鉍", groups(), "pharmaceuticals", "low-melting alloys"),
            element("Mo", "molybdenum", "钼", "鉬", groups(), "steel alloys", "catalysts"),
            element("In", "indium", "铟", "銦", groups(), "ITO displays", "solders"),
            element("Co", "cobalt", "钴", "鈷", groups(SMCO_MAGNET), "battery cathodes", "superalloys", "SmCo magnets"),
            element("Li", "lithium", "锂", "鋰", groups(), "battery cathodes and electrolytes"),
            element("Ni", "nickel", "镍", "鎳", groups(), "battery cathodes", "stainless steel"),
            element("Nb", "niobium", "铌", "鈮", groups(), "high-strength steel", "superconductors"),
            element("Ta", "tantalum", "钽", "鉭", groups(), "capacitors", "superalloys"),
            element("Cr", "chromium", "铬", "鉻", groups(), "stainless steel", "superalloys"),
            element("Mn", "manganese", "锰", "錳", groups(), "steelmaking", "battery cathodes"),
            element("Sn", "tin", "锡", "錫", groups(), "solder", "tinplate"),
            element("C", "graphite", "石墨", "石墨", groups(), "battery anodes", "refractories"));

    private Elements() {
    }

    /** Every tracked element, rare earths first, in a stable order. */
    public static List<Element> all() {
        return List.copyOf(BY_SYMBOL.values());
    }

    /** The element with this exact symbol ({@code "Dy"}, not {@code "DY"}). */
    public static Optional<Element> bySymbol(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    public static boolean isTracked(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    /** The symbols of every element in the group, in catalogue order. */
    public static List<String> membersOf(ElementGroup group) {
        return BY_SYMBOL.values().stream()
                .filter(element -> element.belongsTo(group))
                .map(Element::symbol)
                .toList();
    }

    private static Element element(String symbol, String name, String zhHans, String zhHant,
                                   Set<ElementGroup> groups, String... uses) {
        return new Element(symbol, name, zhHans, zhHant, groups, Arrays.asList(uses));
    }

    private static Set<ElementGroup> groups(ElementGroup... groups) {
        return groups.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(groups));
    }

    private static Map<String, Element> index(Element... elements) {
        return Collections.unmodifiableMap(Arrays.stream(elements).collect(Collectors.toMap(
                Element::symbol, e -> e, (a, b) -> {
                    throw new IllegalStateException("duplicate symbol " + a.symbol());
                }, LinkedHashMap::new)));
    }
}
