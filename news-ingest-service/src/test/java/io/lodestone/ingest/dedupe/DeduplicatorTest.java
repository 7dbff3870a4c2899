package io.lodestone.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.SupplyEventDetected;
import io.lodestone.ingest.extract.Extractor;
import io.lodestone.ingest.item.NewsItem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final Instant MONDAY = Instant.parse("2025-04-07T08:00:00Z");

    private Deduplicator deduplicator;

    @BeforeEach
    void freshDeduplicator() {
        deduplicator = new Deduplicator(Duration.ofDays(3));
    }

    @Test
    void sameCanonicalUrlIsAnExactDuplicate() {
        NewsItem first = reutersOnLicensing("r-1", "https://wire.example.com/china-rare-earths?utm_source=rss");
        NewsItem again = reutersOnLicensing("r-2", "https://www.wire.example.com/china-rare-earths/");

        observe(first);
        Decision decision = observe(again);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXACT_DUPLICATE);
        assertThat(decision.duplicateOfItemId()).isEqualTo("r-1");
        assertThat(decision.toPublish()).isNull();
    }

    @Test
    void sameSourceAndIdIsAnExactDuplicate() {
        observe(reutersOnLicensing("r-1", null));

        assertThat(observe(reutersOnLicensing("r-1", null)).outcome()).isEqualTo(Decision.Outcome.EXACT_DUPLICATE);
    }

    @Test
    void rewriteFromAnotherOutletCorroboratesTheFirstEvent() {
        NewsItem wire = reutersOnLicensing("r-1", "https://wire.example.com/a");
        NewsItem rewrite = new NewsItem("b-1", "business-daily", "Beijing puts seven heavy rare earths under export licensing",
                "Exporters of samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium must now apply "
                        + "for licences from China's commerce ministry, which cited national security. Carmakers rely on "
                        + "dysprosium and terbium for motor magnets.",
                "https://daily.example.org/b", MONDAY.plus(Duration.ofHours(5)), null);

        Decision first = observe(wire);
        Decision second = observe(rewrite);

        assertThat(second.outcome()).isEqualTo(Decision.Outcome.NEAR_DUPLICATE);
        assertThat(second.duplicateOfItemId()).isEqualTo("r-1");
        assertThat(second.toPublish().eventId()).isEqualTo(first.toPublish().eventId());
        assertThat(second.toPublish().title()).isEqualTo(wire.title());
        assertThat(second.toPublish().corroborations()).isEqualTo(2);
    }

    @Test
    void syndicatedCopyFromTheSameSourceDoesNotCountTwice() {
        observe(reutersOnLicensing("r-1", "https://wire.example.com/a"));
        Decision copy = observe(reutersOnLicensing("r-1-update", "https://wire.example.com/a-updated"));

        assertThat(copy.outcome()).isEqualTo(Decision.Outcome.NEAR_DUPLICATE);
        assertThat(copy.toPublish().corroborations()).isEqualTo(1);
    }

    @Test
    void sameStoryOutsideTheWindowIsNew() {
        observe(reutersOnLicensing("r-1", null));
        NewsItem weekLater = new NewsItem("r-9", "other-wire", reutersOnLicensing("x", null).title(),
                reutersOnLicensing("x", null).text(), null, MONDAY.plus(Duration.ofDays(7)), null);

        assertThat(observe(weekLater).outcome()).isEqualTo(Decision.Outcome.NEW);
    }

    @Test
    void unrelatedStoryOnTheSameDayIsNew() {
        observe(reutersOnLicensing("r-1", null));
        NewsItem other = new NewsItem("m-1", "mining-news", "Lynas opens heavy rare earth separation line in Malaysia",
                "Lynas Rare Earths started separating dysprosium and terbium at its Kuantan plant, the first such output "
                        + "outside China.", null, MONDAY.plus(Duration.ofHours(2)), null);

        Decision decision = observe(other);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.NEW);
        assertThat(decision.toPublish().corroborations()).isEqualTo(1);
    }

    private Decision observe(NewsItem item) {
        SupplyEventDetected event = EXTRACTOR.extract(item, MONDAY).event();
        return deduplicator.observe(item, event);
    }

    private static NewsItem reutersOnLicensing(String id, String url) {
        return new NewsItem(id, "wire", "China imposes export licensing on seven medium and heavy rare earths",
                "China's commerce ministry said samarium, gadolinium, terbium, dysprosium, lutetium, scandium and "
                        + "yttrium, including metals, oxides and alloys, may only be exported with a licence. The rule "
                        + "took effect immediately. Dysprosium and terbium are crucial for magnets in electric cars.",
                url, MONDAY, null);
    }
}
