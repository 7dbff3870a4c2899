package io.lodestone.local;

import io.lodestone.events.Element;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Supply-tightening news items that each tell a different story about one element: different
 * companies, places, numbers and wording, so that deduplication (shared 3-shingles, or a third of
 * the salient words shared with the same facts) keeps every one as its own event, even with dozens
 * of items about the same element. Seeded, so a run can be repeated item for item.
 */
final class DistinctItems {

    private static final String[] SYLLABLES = ("ka lo ve tri san mor du pel zan qui bra fen tor ula mes "
            + "gor hal vin dre sol pra nek rus tav lim ber cos dar ek fil").split(" ");
    private static final String[] COUNTRIES = {"China", "Myanmar", "Vietnam", "Indonesia", "Kazakhstan", "Brazil"};

    private final Random random;
    private int next;

    DistinctItems(long seed) {
        this.random = new Random(seed);
    }

    /** The JSON fields of the next item, naming {@code element}; ids are {@code prefix-<n>}. */
    Map<String, Object> next(String prefix, Element element) {
        int n = next++;
        String company = name(3) + " " + name(2) + " Holdings";
        String place = name(3);
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        int tonnes = 100 + random.nextInt(90_000);
        String title;
        String lead;
        switch (n % 3) {
            case 0 -> {
                title = country + " bans exports of " + element.name() + " to " + place + " (notice " + tonnes + ")";
                lead = "The commerce ministry of " + country + " banned exports of " + element.name()
                        + " and its compounds to " + place + " with immediate effect, notice " + tonnes + " says.";
            }
            case 1 -> {
                title = country + " requires export licences for " + element.name() + ", " + company + " halts shipments";
                lead = country + " announced that " + element.name() + " may only be exported under a licence from today; "
                        + company + " stopped " + tonnes + " tonnes of shipments while licences are reviewed.";
            }
            default -> {
                title = country + " suspends " + element.name() + " export permits for " + company;
                lead = "Authorities in " + country + " suspended all export permits for " + element.name() + " held by "
                        + company + " at " + place + ", cutting " + tonnes + " tonnes a year from world supply.";
            }
        }
        String id = prefix + "-" + n;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("title", title);
        item.put("text", lead + " " + uniqueDetail());
        item.put("url", "https://faults.example/" + id);
        item.put("publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return item;
    }

    /**
     * Sentences made of names and figures that appear in no other item, joined by words too short
     * to count as salient: about thirty salient words of its own against a dozen shared with the
     * other items of its template, so no two items share a third of their salient words.
     */
    private String uniqueDetail() {
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            detail.append(name(3)).append(' ').append(name(2)).append(" of ").append(name(3)).append(" put ")
                    .append(random.nextInt(1_000_000)).append(" at ").append(name(3)).append(". ");
        }
        return detail.toString().strip();
    }

    private String name(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The elements items are spread over, round-robin. */
    static Element pick(List<Element> elements, int n) {
        return elements.get(n % elements.size());
    }
}
