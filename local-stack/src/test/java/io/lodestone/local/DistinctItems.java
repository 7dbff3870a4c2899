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
 * companies, places, numbers and wording, so that deduplication (shared 3-shingles, or shared
 * salient words with the same facts) keeps every one as its own event. Seeded, so a run can be
 * repeated item for item.
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

    /** Two sentences whose names and figures appear in no other item. */
    private String uniqueDetail() {
        return "Traders " + name(3) + " and " + name(3) + " of " + name(2) + "ville quoted " + random.nextInt(10_000)
                + " units at the " + name(3) + " terminal. Broker " + name(3) + " reported " + random.nextInt(1_000_000)
                + " in the " + name(2) + "sk warehouse ledger.";
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
