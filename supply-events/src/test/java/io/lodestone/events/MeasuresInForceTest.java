package io.lodestone.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset of measures in force is what every new deployment starts from, so each entry must be
 * a valid event, keep a stable id of its own, and point at the issuer's own notice.
 */
class MeasuresInForceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Hosts of the issuers whose notices the dataset may cite (and their subdomains). */
    private static final Set<String> OFFICIAL_HOSTS = Set.of("mofcom.gov.cn", "customs.gov.cn", "federalregister.gov",
            "bis.gov", "ustr.gov", "europa.eu", "meti.go.jp", "wto.org");
    private static final String SCHEMA_BASE = "urn:lodestone:schema:";

    private final List<String> lines = MeasuresInForce.lines();
    private final List<SupplyEventDetected> events = lines.stream()
            .map(line -> JSON.readValue(line, SupplyEventDetected.class)).toList();

    @Test
    void everyEntryValidatesAgainstTheContractSchema() {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                        builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:" + MessageType.SCHEMA_FOLDER)))
                .getSchema(SchemaLocation.of(SCHEMA_BASE + "supply-event-detected.v1.schema.json"),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

        assertThat(lines).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(line -> assertThat(schema.validate(line, InputFormat.JSON)).as(line).isEmpty());
    }

    @Test
    void idsAreUniqueAndNameTheIssuersNotice() {
        assertThat(events).extracting(SupplyEventDetected::eventId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("measure-[a-z]+-\\d{4}-\\d+"));
    }

    @Test
    void everyEntryCitesAnOfficialSourceOverHttps() {
        assertThat(events).allSatisfy(event -> {
            URI url = URI.create(event.url());
            assertThat(url.getScheme()).as(event.eventId()).isEqualTo("https");
            assertThat(OFFICIAL_HOSTS).as(event.eventId() + " " + url.getHost())
                    .anyMatch(host -> url.getHost().equals(host) || url.getHost().endsWith("." + host));
        });
    }

    @Test
    void announcementNo18Of2025NamesItsSevenElementsAsAControl() {
        SupplyEventDetected no18 = events.stream().filter(e -> e.eventId().equals("measure-mofcom-2025-18")).findFirst()
                .orElseThrow();

        assertThat(no18.elements()).containsExactlyInAnyOrder("Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y");
        assertThat(no18.eventType()).isEqualTo(EventType.EXPORT_RESTRICTION);
        assertThat(no18.direction()).isEqualTo(Direction.TIGHTENING);
        assertThat(no18.publishedAt()).isEqualTo(Instant.parse("2025-04-04T09:00:00Z"));
    }

    @Test
    void entriesAreInPublicationOrderAndNoneIsNewerThanTheDatasetVersion() {
        assertThat(events).extracting(SupplyEventDetected::publishedAt).isSorted();
        assertThat(events).allSatisfy(event -> assertThat(event.detectedAt())
                .isBeforeOrEqualTo(Instant.parse(MeasuresInForce.VERSION + "T00:00:00Z")));
    }
}
