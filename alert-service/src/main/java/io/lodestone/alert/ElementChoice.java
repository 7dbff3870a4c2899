package io.lodestone.alert;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The elements and groups a subscription or a silence is about, as a client sends them: each a
 * tracked symbol or a known group, each named once. A list can therefore hold at most as many
 * entries as there are tracked elements (or groups); a longer one is refused whole, with one
 * message, before any entry is looked at. Every risk change is checked against every subscription,
 * so a stored list of hundreds of thousands of repeats would cost every evaluation its memory.
 * At most {@link #MAX_REPORTED} bad entries are named in a refusal.
 */
public final class ElementChoice {

    static final int MAX_REPORTED = 10;
    private static final String GROUPS = Arrays.stream(ElementGroup.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private ElementChoice() {
    }

    /** Adds a problem per bad field to {@code errors} (the fields {@code elements[i]}, {@code groups[i]} …). */
    public static void check(List<String> elements, List<?> groups, Map<String, String> errors) {
        checkList("elements", elements == null ? List.of() : elements, Elements.all().size(), "tracked elements",
                symbol -> symbol instanceof String s && Elements.isTracked(s) ? null
                        : "is not a tracked element symbol (e.g. Dy, Nd, Ga)", errors);
        checkList("groups", groups == null ? List.of() : groups, ElementGroup.values().length, "groups",
                group -> group != null ? null : "must be one of " + GROUPS, errors);
    }

    private interface Problem {
        String of(Object entry);
    }

    private static void checkList(String field, List<?> entries, int max, String what, Problem problem,
                                  Map<String, String> errors) {
        if (entries.size() > max) {
            errors.put(field, "must name each of the " + max + " " + what + " at most once: " + entries.size()
                    + " entries is more than there are");
            return;
        }
        Set<Object> seen = new HashSet<>();
        int reported = 0;
        for (int i = 0; i < entries.size() && reported < MAX_REPORTED; i++) {
            Object entry = entries.get(i);
            String wrong = problem.of(entry);
            if (wrong == null && !seen.add(entry)) {
                wrong = "repeats " + entry;
            }
            if (wrong != null) {
                errors.put(field + "[" + i + "]", wrong);
                reported++;
            }
        }
    }
}
