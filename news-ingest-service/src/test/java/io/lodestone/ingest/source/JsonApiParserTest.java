package io.lodestone.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Polled JSON-API items follow the push API's rules: one with an absurd date is skipped, not published. */
@ExtendWith(OutputCaptureExtension.class)
class JsonApiParserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final JsonApiParser parser = new JsonApiParser(JsonMapper.builder().build());

    @Test
    void itemsWithAbsurdDatesAreSkippedWithALogLineAndTheRestCount(CapturedOutput output) throws Exception {
        String body = """
                {"results": [
                  {"document_number": "2999-1", "title": "Dysprosium rule", "publication_date": "2999-01-01"},
                  {"document_number": "huge", "title": "Terbium rule", "publication_date": "+300000000-01-01T00:00:00Z"},
                  {"document_number": "1850-1", "title": "Gallium rule", "publication_date": "1850-01-01"},
                  {"document_number": "2025-1", "title": "Germanium rule", "publication_date": "2025-12-01"}]}""";

        List<NewsItem> items = parser.parse(body.getBytes(StandardCharsets.UTF_8), register(), NOW);

        assertThat(items).extracting(NewsItem::id).containsExactly("2025-1");
        assertThat(output.getOut()).contains("skipped an item").contains("publishedAt");
    }

    @Test
    void aPublishersResponseThatNamesAFieldTwiceIsReadThoughTheServiceRefusesSuchBodies() throws Exception {
        // the service's own mapper refuses duplicate names in what clients send; a feed is not a client
        JsonApiParser strictService = new JsonApiParser(JsonMapper.builder(JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build());
        String body = """
                {"count": 1, "count": 1, "results": [
                  {"document_number": "2025-2", "title": "Gallium rule", "publication_date": "2025-12-01"}]}""";

        List<NewsItem> items = strictService.parse(body.getBytes(StandardCharsets.UTF_8), register(), NOW);

        assertThat(items).extracting(NewsItem::id).containsExactly("2025-2");
    }

    private static IngestProperties.Source register() {
        return new IngestProperties.Source("register", IngestProperties.Kind.JSON, URI.create("https://register.example.org/api"),
                Duration.ofHours(1), true, "en", new IngestProperties.JsonMapping("/results", "/document_number", "/title",
                        null, null, "/publication_date", null), null, null);
    }
}
