package io.lodestone.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.events.Topics;
import io.lodestone.ingest.IngestIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A JSONL backfill goes through the pipeline to the real broker; a bad line is named and skipped. */
class BulkImportIntegrationTest extends IngestIntegrationTest {

    @Autowired
    BulkImport bulkImport;

    @Test
    void importsGoodLinesReportsBadOnesAndGoesOn() throws Exception {
        String jsonl = """
                {"id":"bf-1","title":"China adds gallium and germanium to export licensing","text":"Exporters of gallium and germanium products will need a licence from August.","url":"https://backfill.example/ga-ge","publishedAt":"2023-07-03T10:00:00Z"}
                {"id":"bf-2", "title": 
                {"id":"bf-3","title":"Graphite exports to need licences","text":"China said some graphite anode materials will require export licences from December.","url":"https://backfill.example/graphite","publishedAt":"2023-10-20T10:00:00Z"}
                """;
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        BulkImport.Result result = bulkImport.run(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(BulkImport.Result.COMPLETE_WITH_REJECTED_LINES);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("line 2: not JSON").contains("rejected 1");
        kafka.readUntil(Topics.SUPPLY_EVENTS.name(), records ->
                records.stream().anyMatch(r -> r.value().contains("backfill.example/ga-ge"))
                        && records.stream().anyMatch(r -> r.value().contains("backfill.example/graphite")),
                Duration.ofSeconds(30));
    }
}
